import { existsSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { readWeappBundle, type WeappBundle } from '../../tools/weapp-host'
import { ROOT } from '../../tools/root'
import { run } from '../../tools/run'
import { taroBuild } from '../../tools/taroBuild'

/**
 * The kit before the warm launch dropped wx.checkSession from its critical path
 * (issue 20): its warm launch ran checkSession → getGroupEnterInfo → POST in series.
 * The bench builds the same demo over it, so a speed claim compares both in one run.
 */
export const BASELINE_COMMIT = '9837bff9c0a7dfcf45b4e7e7bcf53af80c306d13'

const HOME = path.join('dist', `baseline-${BASELINE_COMMIT.slice(0, 12)}`)
const KIT = path.join(ROOT, HOME, 'packages/taro/src')
const OUT = path.join(HOME, 'weapp')

/** The demo compiled over the baseline kit: built once (not timed), then reused. */
export async function loadBaselineBuild(): Promise<WeappBundle> {
  if (!existsSync(path.join(ROOT, OUT, 'app.js'))) {
    rmSync(path.join(ROOT, HOME), { recursive: true, force: true })
    mkdirSync(path.join(ROOT, HOME), { recursive: true })
    // Inside the repository, so the kit's imports resolve from its node_modules and babel config.
    await run('sh', ['-c', `git archive ${BASELINE_COMMIT} packages/taro/src | tar -x -C ${JSON.stringify(HOME)}`], {
      cwd: ROOT,
    })
    await taroBuild('weapp', { env: { OPENGID_KIT_SOURCE: KIT, OPENGID_OUTPUT_ROOT: OUT } })
  }
  return readWeappBundle(path.join(ROOT, OUT))
}

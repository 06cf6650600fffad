import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ROOT, run, taroBuild } from '../../scripts/taroBuild'

/**
 * examples/vue (Taro 4.2.0 + Vue 3), copied and installed outside the repository:
 * inside it, npm workspaces and the root's Taro 4.2.1 would mix into its tree
 * (@tarojs/plugin-framework-vue3 has no 4.2.1, so the example pins 4.2.0 throughout).
 */
export const VUE_APP_DIR = path.join(tmpdir(), 'opengid-vue-app')
const EXAMPLE = path.join(ROOT, 'examples/vue')

/** What a build or an install leaves in the example folder, should one have run there. */
const LOCAL_OUTPUT = new Set(['node_modules', 'dist'].map((entry) => path.join(EXAMPLE, entry)))

/** Copies, installs, type-checks (vue-tsc, strict) and builds the example for weapp (dist/weapp). */
export async function prepareVueApp(log: (line: string) => void = console.log): Promise<void> {
  // The installed tree is kept between runs (installs are then quick); everything else is new.
  for (const entry of ['src', 'config', 'types', 'dist', 'package-lock.json']) {
    rmSync(path.join(VUE_APP_DIR, entry), { recursive: true, force: true })
  }
  mkdirSync(VUE_APP_DIR, { recursive: true })
  cpSync(EXAMPLE, VUE_APP_DIR, { recursive: true, filter: (source) => !LOCAL_OUTPUT.has(source) })

  log(`vue app: npm install in ${VUE_APP_DIR}`)
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: VUE_APP_DIR })
  log('vue app: vue-tsc --noEmit (strict)')
  await run(process.execPath, [require.resolve('vue-tsc/bin/vue-tsc.js', { paths: [VUE_APP_DIR] }), '--noEmit'], {
    cwd: VUE_APP_DIR,
  })
  log('vue app: taro build --type weapp')
  // The weapp host keeps each request's path and swaps in the dev server's origin.
  await taroBuild('weapp', { appDir: VUE_APP_DIR, env: { OPENGID_RESOLVER_URL: '' } })
}

import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../root'
import { run } from '../run'
import { ensureBuild, isBuildFresh, newestMtime } from '../taroBuild'
import { SITE_DIR } from '../docBlocks'
import { writeApiReference } from './apiReference'

/** What `vitepress build docs` writes: the site, with the H5 demo under DEMO_PATH. */
export const SITE_OUT = path.join(SITE_DIR, '.vitepress/dist')
/** The demo's place in the site (docs/.vitepress/theme/DemoFrame.ts frames it from there). */
export const DEMO_PATH = 'demo'

/** Everything the site is made from, but the folders the build itself writes. */
function siteInputs(): string[] {
  const own = new Set(['dist', 'cache'])
  const config = path.join(SITE_DIR, '.vitepress')
  return [
    path.join(ROOT, 'packages/taro/src'),
    path.join(ROOT, 'packages/server/src'),
    path.join(ROOT, 'dist/h5'),
    ...readdirSync(config)
      .filter((name) => !own.has(name))
      .map((name) => path.join(config, name)),
    ...readdirSync(SITE_DIR)
      .filter((name) => name !== '.vitepress')
      .map((name) => path.join(SITE_DIR, name)),
  ]
}

/** The built site is there and newer than its pages, its config, the packages' types and the demo. */
export function isSiteFresh(): boolean {
  const marker = path.join(SITE_OUT, 'index.html')
  if (!existsSync(marker) || !isBuildFresh('h5')) return false
  const built = statSync(marker).mtimeMs
  return siteInputs().every((input) => newestMtime(input) <= built)
}

/**
 * The whole static site, no network: TypeDoc's API reference into both languages' pages,
 * `vitepress build docs`, then the H5 demo (the same build `npm start` serves; rebuilt
 * only when stale) copied in under /demo/. Its asset paths are relative, so it works there.
 */
export async function buildDocs(step: (line: string) => void): Promise<void> {
  const started = Date.now()
  step('API reference: typedoc')
  await writeApiReference()
  step('demo: taro build --type h5 (when stale)')
  const demo = await ensureBuild('h5')
  step(`demo ${demo === 'fresh' ? 'up to date' : 'built'}; site: vitepress build docs`)
  await run(process.execPath, [path.join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', 'docs'], {
    cwd: ROOT,
  })
  const demoOut = path.join(SITE_OUT, DEMO_PATH)
  rmSync(demoOut, { recursive: true, force: true })
  cpSync(path.join(ROOT, 'dist/h5'), demoOut, { recursive: true })
  step(`site in ${path.relative(ROOT, SITE_OUT)} in ${Math.round((Date.now() - started) / 1000)} s`)
}

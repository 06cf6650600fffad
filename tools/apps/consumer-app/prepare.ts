import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { WRITTEN_TOPICS, codeBlocks, sitePage } from '../../docBlocks'
import { run } from '../../run'
import { taroBuild, type TaroTarget } from '../../taroBuild'
import { clearApp, installApp, installFromTarball } from '../packedApp'

/**
 * A fresh Taro React + TypeScript app, as a user makes one: a Taro version's CLI
 * template files (template/), the quickstart pasted from the docs site's React quickstart, and
 * the two packages installed from the tarballs `npm pack` makes, never from this
 * repository's sources. It lives outside the repository so that nothing resolves up
 * into the repository's own node_modules.
 */
export interface ConsumerApp {
  /** What the suites and the build log call it: the Taro version it is made with. */
  label: string
  /** Where it is written and installed, in the OS temp folder. */
  dir: string
  /** The CLI template's files for that version (package.json pins every @tarojs/* package). */
  template: string
  /** What `taro build` makes of it (dist/<target>); weapp and h5 are drawn and driven by the e2e suite. */
  targets: readonly TaroTarget[]
}

/** The upper end of the kit's Taro range: Taro 4.2.1, the version the demo is built with. */
export const CONSUMER_APP: ConsumerApp = {
  label: 'Taro 4.2.1',
  dir: path.join(tmpdir(), 'opengid-consumer-app'),
  template: path.join(__dirname, 'template'),
  targets: ['weapp', 'h5'],
}
export const APP_DIR = CONSUMER_APP.dir
const PACKAGES = ['taro', 'server'] as const

/** The page whose blocks are the app a user makes by following it. */
const QUICKSTART = 'guide/quickstart-react'
const QUICKSTART_FILES = ['src/app.tsx', 'src/pages/index/index.tsx']

/**
 * The site's React blocks that name a file of the app (```tsx title="src/app.tsx"), from
 * every hand-written page: the quickstart's, built and run, and the others (the chat
 * tool page's), type-checked strictly against the tarballs. A file named by two pages
 * would leave one of them unchecked, so that fails.
 */
function pasteAppFiles(appDir: string) {
  const written = new Map<string, string>()
  for (const topic of WRITTEN_TOPICS) {
    const page = sitePage(topic)
    for (const block of codeBlocks(page).filter(({ lang, title }) => lang === 'tsx' && title?.startsWith('src/'))) {
      const title = block.title!
      if (written.has(title)) throw new Error(`${title} is shown by both ${written.get(title)} and ${page}`)
      if (QUICKSTART_FILES.includes(title) && topic !== QUICKSTART) {
        throw new Error(`${page} shows the quickstart's ${title}: only ${QUICKSTART} may`)
      }
      written.set(title, page)
      const file = path.join(appDir, title)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, block.code)
    }
  }
  for (const file of QUICKSTART_FILES) {
    if (!written.has(file)) {
      throw new Error(`${sitePage(QUICKSTART)} has no code block titled "${file}" for the quickstart`)
    }
  }
}

/**
 * Writes and installs the app, type-checks it strictly and builds it for its targets
 * (dist/<target>). The packages' dist must be built first (`npm run build`). Its
 * node_modules stays between runs (see clearApp): an unchanged install takes seconds.
 */
export async function prepareConsumerApp(
  log: (line: string) => void = console.log,
  app: ConsumerApp = CONSUMER_APP,
): Promise<void> {
  const step = (line: string) => log(`${app.label} app: ${line}`)
  clearApp(app.dir)
  cpSync(app.template, app.dir, { recursive: true })
  pasteAppFiles(app.dir)

  step('npm pack')
  for (const pkg of PACKAGES) await installFromTarball(app.dir, pkg)
  step(`npm install in ${app.dir}`)
  await installApp(app.dir)
  step('tsc --noEmit (strict)')
  await run(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [app.dir] }), '--noEmit'], {
    cwd: app.dir,
  })
  for (const target of app.targets) {
    step(`taro build --type ${target}`)
    const started = Date.now()
    await taroBuild(target, { appDir: app.dir })
    step(`taro build --type ${target}: ${Math.round((Date.now() - started) / 1000)} s`)
  }
}

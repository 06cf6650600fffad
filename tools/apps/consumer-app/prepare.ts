import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { READMES, readmeBlocks } from '../../readmeBlocks'
import { run } from '../../run'
import { taroBuild } from '../../taroBuild'
import { clearApp, installApp, installFromTarball } from '../packedApp'

/**
 * A fresh Taro 4.2.1 React + TypeScript app, as a user makes one: the CLI template's
 * files (template/), the quickstart pasted from @opengid/taro's README, and the two
 * packages installed from the tarballs `npm pack` makes, never from this repository's
 * sources. It lives outside the repository so that nothing resolves up into the
 * repository's own node_modules.
 */
export const APP_DIR = path.join(tmpdir(), 'opengid-consumer-app')
const TEMPLATE = path.join(__dirname, 'template')
const PACKAGES = ['taro', 'server'] as const

/**
 * The README's React blocks that name a file of the app (```tsx title="src/app.tsx"): the
 * quickstart, built and run, and the others (the chat tool page), type-checked strictly
 * against the tarballs.
 */
function pasteQuickstart() {
  const blocks = readmeBlocks(READMES.taro).filter((block) => block.lang === 'tsx' && block.title?.startsWith('src/'))
  for (const file of ['src/app.tsx', 'src/pages/index/index.tsx']) {
    if (!blocks.some((block) => block.title === file)) {
      throw new Error(`packages/taro/README.md has no code block titled "${file}" for the quickstart`)
    }
  }
  for (const block of blocks) {
    const file = path.join(APP_DIR, block.title!)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, block.code)
  }
}

/**
 * Writes and installs the app, type-checks it strictly and builds it for weapp and H5
 * (dist/weapp, dist/h5). The packages' dist must be built first (`npm run build`).
 */
export async function prepareConsumerApp(log: (line: string) => void = console.log): Promise<void> {
  clearApp(APP_DIR)
  cpSync(TEMPLATE, APP_DIR, { recursive: true })
  pasteQuickstart()

  log('consumer app: npm pack')
  for (const pkg of PACKAGES) await installFromTarball(APP_DIR, pkg)
  log(`consumer app: npm install in ${APP_DIR}`)
  await installApp(APP_DIR)
  log('consumer app: tsc --noEmit (strict)')
  await run(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [APP_DIR] }), '--noEmit'], {
    cwd: APP_DIR,
  })
  for (const platform of ['weapp', 'h5'] as const) {
    log(`consumer app: taro build --type ${platform}`)
    await taroBuild(platform, { appDir: APP_DIR })
  }
}

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { READMES, readmeBlocks } from '../../scripts/readmeBlocks'
import { ROOT, run, taroBuild } from '../../scripts/taroBuild'

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

const npm = (args: string[], cwd: string) => run('npm', args, { cwd })

/** Packs a workspace package (its dist must be built) into the app's vendor/ folder. */
async function pack(pkg: (typeof PACKAGES)[number], vendor: string): Promise<[string, string]> {
  const dir = path.join(ROOT, 'packages', pkg)
  const { name, version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
  await npm(['pack', '--pack-destination', vendor], dir)
  // npm names a scoped package's tarball without the '@' and with '-' for '/'.
  const tarball = `${name.slice(1).replace('/', '-')}-${version}.tgz`
  if (!existsSync(path.join(vendor, tarball))) throw new Error(`npm pack did not write ${tarball}`)
  return [name, `file:./vendor/${tarball}`]
}

/** The README's React blocks that name a file of the app (```tsx title="src/app.tsx"). */
function pasteQuickstart() {
  const blocks = readmeBlocks(READMES.taro).filter((block) => block.lang === 'tsx' && block.title?.startsWith('src/'))
  for (const file of ['src/app.tsx', 'src/pages/index/index.tsx']) {
    if (!blocks.some((block) => block.title === file)) {
      throw new Error(`packages/taro/README.md has no code block titled "${file}" for the quickstart`)
    }
  }
  for (const block of blocks) writeFileSync(path.join(APP_DIR, block.title!), block.code)
}

/**
 * Writes and installs the app, type-checks it strictly and builds it for weapp and H5
 * (dist/weapp, dist/h5). The packages' dist must be built first (`npm run build`).
 */
export async function prepareConsumerApp(log: (line: string) => void = console.log): Promise<void> {
  // The installed tree is kept between runs (installs are then quick); everything else is new.
  for (const entry of ['src', 'config', 'types', 'dist', 'vendor', 'package-lock.json', 'node_modules/@opengid']) {
    rmSync(path.join(APP_DIR, entry), { recursive: true, force: true })
  }
  mkdirSync(path.join(APP_DIR, 'vendor'), { recursive: true })
  cpSync(TEMPLATE, APP_DIR, { recursive: true })
  pasteQuickstart()

  log('consumer app: npm pack')
  const manifest = JSON.parse(readFileSync(path.join(APP_DIR, 'package.json'), 'utf8'))
  for (const pkg of PACKAGES) {
    const [name, spec] = await pack(pkg, path.join(APP_DIR, 'vendor'))
    manifest.dependencies[name] = spec
  }
  writeFileSync(path.join(APP_DIR, 'package.json'), JSON.stringify(manifest, null, 2) + '\n')

  log(`consumer app: npm install in ${APP_DIR}`)
  await npm(['install', '--prefer-offline', '--no-audit', '--no-fund'], APP_DIR)
  log('consumer app: tsc --noEmit (strict)')
  await run(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [APP_DIR] }), '--noEmit'], {
    cwd: APP_DIR,
  })
  for (const platform of ['weapp', 'h5'] as const) {
    log(`consumer app: taro build --type ${platform}`)
    await taroBuild(platform, { appDir: APP_DIR })
  }
}

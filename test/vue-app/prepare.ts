import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ROOT, run, taroBuild } from '../../scripts/taroBuild'

/**
 * examples/vue (Taro 4.2.0 + Vue 3), copied and installed outside the repository:
 * inside it, npm workspaces and the root's Taro 4.2.1 would mix into its tree
 * (@tarojs/plugin-framework-vue3 has no 4.2.1, so the example pins 4.2.0 throughout).
 * It gets @opengid/taro as a user does, from the tarball `npm pack` makes of
 * packages/taro (whose dist must be built), never from this repository's sources.
 */
export const VUE_APP_DIR = path.join(tmpdir(), 'opengid-vue-app')
const EXAMPLE = path.join(ROOT, 'examples/vue')
const KIT = path.join(ROOT, 'packages/taro')

/** What a build or an install leaves in the example folder, should one have run there. */
const LOCAL_OUTPUT = new Set(['node_modules', 'dist', 'vendor'].map((entry) => path.join(EXAMPLE, entry)))

/** Packs @opengid/taro into `vendor`; returns its name and the `file:` spec of the tarball. */
async function packKit(vendor: string): Promise<[string, string]> {
  if (!existsSync(path.join(KIT, 'dist/vue.js'))) {
    throw new Error('packages/taro/dist has no vue.js: run `npm run build --workspace packages/taro` first.')
  }
  const { name, version } = JSON.parse(readFileSync(path.join(KIT, 'package.json'), 'utf8'))
  await run('npm', ['pack', '--pack-destination', vendor], { cwd: KIT })
  // npm names a scoped package's tarball without the '@' and with '-' for '/'.
  const tarball = `${name.slice(1).replace('/', '-')}-${version}.tgz`
  if (!existsSync(path.join(vendor, tarball))) throw new Error(`npm pack did not write ${tarball}`)
  return [name, `file:./vendor/${tarball}`]
}

/** Copies, installs, type-checks (vue-tsc, strict) and builds the example for weapp (dist/weapp). */
export async function prepareVueApp(log: (line: string) => void = console.log): Promise<void> {
  // The installed tree is kept between runs (installs are then quick); everything else is new,
  // the kit too (a tarball of the same version would not be unpacked again).
  for (const entry of ['src', 'config', 'types', 'dist', 'vendor', 'package-lock.json', 'node_modules/@opengid']) {
    rmSync(path.join(VUE_APP_DIR, entry), { recursive: true, force: true })
  }
  mkdirSync(path.join(VUE_APP_DIR, 'vendor'), { recursive: true })
  cpSync(EXAMPLE, VUE_APP_DIR, { recursive: true, filter: (source) => !LOCAL_OUTPUT.has(source) })

  log('vue app: npm pack packages/taro')
  const manifest = JSON.parse(readFileSync(path.join(VUE_APP_DIR, 'package.json'), 'utf8'))
  const [name, spec] = await packKit(path.join(VUE_APP_DIR, 'vendor'))
  if (!manifest.dependencies[name]) throw new Error(`examples/vue/package.json does not depend on ${name}`)
  manifest.dependencies[name] = spec
  writeFileSync(path.join(VUE_APP_DIR, 'package.json'), JSON.stringify(manifest, null, 2) + '\n')

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

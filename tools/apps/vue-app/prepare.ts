import { cpSync, existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ROOT } from '../../root'
import { run } from '../../run'
import { taroBuild } from '../../taroBuild'
import { clearApp, installApp, installFromTarball } from '../packedApp'

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

/** Copies, installs, type-checks (vue-tsc, strict) and builds the example for weapp and H5 (dist/weapp, dist/h5). */
export async function prepareVueApp(log: (line: string) => void = console.log): Promise<void> {
  if (!existsSync(path.join(KIT, 'dist/vue.js'))) {
    throw new Error('packages/taro/dist has no vue.js: run `npm run build --workspace packages/taro` first.')
  }
  const { name } = JSON.parse(readFileSync(path.join(KIT, 'package.json'), 'utf8'))
  const { dependencies } = JSON.parse(readFileSync(path.join(EXAMPLE, 'package.json'), 'utf8'))
  if (!dependencies[name]) throw new Error(`examples/vue/package.json does not depend on ${name}`)
  clearApp(VUE_APP_DIR)
  cpSync(EXAMPLE, VUE_APP_DIR, { recursive: true, filter: (source) => !LOCAL_OUTPUT.has(source) })

  log('vue app: npm pack packages/taro')
  await installFromTarball(VUE_APP_DIR, 'taro')
  log(`vue app: npm install in ${VUE_APP_DIR}`)
  await installApp(VUE_APP_DIR)
  log('vue app: vue-tsc --noEmit (strict)')
  await run(process.execPath, [require.resolve('vue-tsc/bin/vue-tsc.js', { paths: [VUE_APP_DIR] }), '--noEmit'], {
    cwd: VUE_APP_DIR,
  })
  log('vue app: taro build --type weapp')
  // The weapp host keeps each request's path and swaps in the dev server's origin.
  await taroBuild('weapp', { appDir: VUE_APP_DIR, env: { OPENGID_RESOLVER_URL: '' } })
  // On H5 the real bridge makes the page say 'unsupported' and nothing is requested.
  log('vue app: taro build --type h5')
  const started = Date.now()
  await taroBuild('h5', { appDir: VUE_APP_DIR })
  log(`vue app: taro build --type h5: ${Math.round((Date.now() - started) / 1000)} s`)
}

import { build } from 'esbuild'
import { minify } from 'terser'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from '../../tools/root'

const KIT_ENTRY = JSON.stringify(path.join(ROOT, 'packages/taro/src/index.ts'))

/** What an app importing the kit ships: its peers are the app's own and are not counted. */
const EXTERNAL = ['react', 'react/jsx-runtime', 'react-dom', '@tarojs/*']

/**
 * What an app imports, tree-shaken. `<GroupContext>` without a `bridge` prop
 * falls back to `taroBridge()`, so core includes the default bridge.
 */
export const ENTRIES = {
  /** The provider and the hook, with the default bridge. */
  core: `export { GroupContext, useGroupEnterInfo } from ${KIT_ENTRY}`,
  /** Core plus httpResolver, the resolver that asks the app's own server. */
  full: `export { GroupContext, useGroupEnterInfo, httpResolver } from ${KIT_ENTRY}`,
}

export type EntryName = keyof typeof ENTRIES

export interface BundleSize {
  name: EntryName
  /** Bytes after terser, Taro's default minifier: what counts towards a mini program's package limit. */
  raw: number
  /** gzip -9 of those bytes: what the budget is about. */
  gzip: number
  /** gzip -9 of esbuild's own minification, for apps built with `jsMinimizer: 'esbuild'`. */
  esbuildGzip: number
  /** Minified bytes each source file contributes, largest first. */
  inputs: { file: string; bytes: number }[]
}

/** How many of the largest source files to name when saying what dominates a bundle. */
const TOP_INPUTS = 5

/** The entry bundled by esbuild (tree-shaken, ES2017 like the package's own build), minified or not. */
async function bundle(name: EntryName, minified: boolean) {
  const { outputFiles, metafile } = await build({
    stdin: { contents: ENTRIES[name], resolveDir: ROOT, loader: 'ts' },
    absWorkingDir: ROOT,
    bundle: true,
    minify: minified,
    format: 'esm',
    // What the package itself is built to (packages/taro/tsup.config.ts).
    target: 'es2017',
    external: EXTERNAL,
    write: false,
    metafile: true,
    outfile: 'out.js',
    logLevel: 'warning',
  })
  return { code: outputFiles[0].text, metafile }
}

const gzip = (code: string) => gzipSync(code, { level: 9 }).length

/**
 * Minified the way a Taro production build minifies an app (terser is Taro 4's
 * default `jsMinimizer`), after esbuild has bundled and tree-shaken the entry.
 */
export async function measureBundle(name: EntryName): Promise<BundleSize> {
  const [plain, minified] = await Promise.all([bundle(name, false), bundle(name, true)])
  const { code = '' } = await minify(plain.code, { module: true, ecma: 2017, compress: { passes: 2 }, mangle: true })
  const inputs = Object.entries(minified.metafile.outputs['out.js'].inputs)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
  return { name, raw: code.length, gzip: gzip(code), esbuildGzip: gzip(minified.code), inputs }
}

/** Every entry, in ENTRIES' order. */
export async function measureEntries(): Promise<BundleSize[]> {
  const bundles: BundleSize[] = []
  for (const name of Object.keys(ENTRIES) as EntryName[]) bundles.push(await measureBundle(name))
  return bundles
}

/** The source files that weigh most in a bundle, so an overrun points at its cause. */
export function largestInputs(bundle: BundleSize): string {
  return bundle.inputs
    .slice(0, TOP_INPUTS)
    .map(({ file, bytes }) => `${file.replace(/^packages\/taro\/src\//, '')} ${bytes} B`)
    .join(', ')
}

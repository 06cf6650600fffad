import { build } from 'esbuild'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from '../../scripts/taroBuild'

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
  /** Minified bytes: what counts towards a mini program's package limit. */
  raw: number
  /** gzip -9 of the minified bytes: what the budget is about. */
  gzip: number
  /** Minified bytes each source file contributes, largest first. */
  inputs: { file: string; bytes: number }[]
}

/** How many of the largest source files to name when saying what dominates a bundle. */
const TOP_INPUTS = 5

export async function measureBundle(name: EntryName): Promise<BundleSize> {
  const { outputFiles, metafile } = await build({
    stdin: { contents: ENTRIES[name], resolveDir: ROOT, loader: 'ts' },
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'esm',
    // What the package itself is built to (packages/taro/tsup.config.ts).
    target: 'es2017',
    external: EXTERNAL,
    write: false,
    metafile: true,
    outfile: 'out.js',
    logLevel: 'warning',
  })
  const code = outputFiles[0].contents
  const inputs = Object.entries(metafile.outputs['out.js'].inputs)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
  return { name, raw: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs }
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

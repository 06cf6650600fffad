import { build } from 'esbuild'
import path from 'node:path'
import { ROOT } from '../../scripts/taroBuild'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const KIT_ENTRY = path.join(ROOT, 'packages/taro/src/index.ts')

/** What an app importing the kit ships: its peers are the app's own and are not counted. */
const EXTERNAL = ['react', 'react/jsx-runtime', 'react-dom', '@tarojs/*']

export interface BundleSize {
  name: string
  raw: number
  gzip: number
  brotli: number
  /** Minified bytes each source file contributes, largest first. */
  inputs: { file: string; bytes: number }[]
}

export const ENTRIES = {
  /** What a minimal app uses, tree-shaken: provider and hook. */
  core: `export { GroupContext, useGroupEnterInfo } from ${JSON.stringify(KIT_ENTRY)}`,
  /** Everything the package exports. */
  whole: `export * from ${JSON.stringify(KIT_ENTRY)}`,
}

export async function measureBundle(name: keyof typeof ENTRIES): Promise<BundleSize> {
  const { outputFiles, metafile } = await build({
    stdin: { contents: ENTRIES[name], resolveDir: ROOT, loader: 'ts' },
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'esm',
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
  return {
    name,
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
      },
    }).length,
    inputs,
  }
}

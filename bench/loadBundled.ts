import { build } from 'esbuild'
import { createRequire } from 'node:module'
import path from 'node:path'
import { ROOT } from '../tools/root'
import { runInThisContext } from 'node:vm'

/**
 * Loads a bench module that imports the kit. The kit imports @tarojs/taro,
 * whose real runtime cannot load in plain Node, so the module is bundled with
 * esbuild and @tarojs/* aliased to the fake jest uses. Bundling is the one
 * switch that covers the whole import graph (tsconfig paths included) without a
 * loader hook. Every npm package stays external and is required from the
 * repository, so React, react-dom and jsdom are the usual single copies. The
 * bundle is run from memory: nothing is written next to the sources.
 */
export async function loadBundled<T>(entry: string): Promise<T> {
  const filename = path.join(ROOT, `${entry}.bundle.cjs`)
  const { outputFiles } = await build({
    entryPoints: [path.join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    alias: {
      '@tarojs/taro': './tools/fake-taro/index.ts',
      '@tarojs/components': './tools/fake-taro/components.tsx',
    },
    outfile: filename,
    write: false,
    logLevel: 'warning',
  })
  const module = { exports: {} }
  const run = runInThisContext(`(function (require, module, exports) {${outputFiles[0].text}\n})`, { filename })
  run(createRequire(filename), module, module.exports)
  return module.exports as T
}

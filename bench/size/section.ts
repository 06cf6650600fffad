import { table, type Section } from '../markdown'
import { budgetLine, dominantInputs } from './budget'
import { measureBundle } from './bundleSize'

/** Item 3 of the bench: the kit's bundle sizes and the core's budget. */
export async function measureSizes(): Promise<Section> {
  const bundles = [await measureBundle('core'), await measureBundle('whole')]
  const rows = bundles.map((b) => [b.name, b.raw, b.gzip, b.brotli, dominantInputs(b)])
  return {
    title: 'Bundle size (esbuild, minified ESM, es2017; react, react-dom, @tarojs/* external)',
    markdown: [
      table(['entry', 'raw B', 'gzip -9 B', 'brotli B', 'largest inputs (minified bytes)'], rows),
      '',
      budgetLine(bundles[0]),
    ].join('\n'),
    data: bundles,
  }
}

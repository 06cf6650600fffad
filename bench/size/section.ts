import { table } from '../markdown'
import type { Section } from '../section'
import { budgetLine } from './budget'
import { largestInputs, measureEntries } from './bundleSize'

/** The `size` section: the kit's bundle sizes against their budgets. */
export async function measureSizes(): Promise<Section> {
  const bundles = await measureEntries()
  return {
    id: 'size',
    title:
      'Bundle size (esbuild bundle, terser as in a Taro production build, es2017, gzip -9; react, react-dom, @tarojs/* external)',
    markdown: [
      table(
        ['entry', 'minified B', 'gzip B', 'gzip B, esbuild minify', 'largest inputs (esbuild-minified bytes)'],
        bundles.map((b) => [b.name, b.raw, b.gzip, b.esbuildGzip, largestInputs(b)]),
      ),
      '',
      ...bundles.map(budgetLine),
    ].join('\n'),
    data: bundles,
  }
}

import type { BundleSize } from './bundleSize'

/** The core (GroupContext + useGroupEnterInfo, tree-shaken) must stay at or under this many gzip bytes. */
export const CORE_GZIP_BUDGET = 1500

/** How many of the largest source files to name when saying what dominates a bundle. */
const TOP_INPUTS = 5

/** One line for people and CI logs: the figure, the budget and the verdict. */
export function budgetLine(core: BundleSize): string {
  const over = core.gzip - CORE_GZIP_BUDGET
  return over > 0
    ? `core: ${core.gzip} B gzip, over the ${CORE_GZIP_BUDGET} B budget by ${over} B`
    : `core: ${core.gzip} B gzip, within the ${CORE_GZIP_BUDGET} B budget (${-over} B to spare)`
}

/** The source files that weigh most in a bundle, so an overrun points at its cause. */
export function dominantInputs(bundle: BundleSize): string {
  return bundle.inputs
    .slice(0, TOP_INPUTS)
    .map(({ file, bytes }) => `${file.replace(/^packages\/taro\/src\//, '')} ${bytes} B`)
    .join(', ')
}

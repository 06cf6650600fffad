import { budgetLine, isOverBudget } from './size/budget'
import { largestInputs, measureEntries } from './size/bundleSize'

/**
 * `npm run size`, the budget check CI runs: prints every entry's figure, then
 * fails when one is over its budget. The largest inputs are printed too, so an
 * overrun points at its cause.
 */
async function main() {
  const bundles = await measureEntries()
  for (const bundle of bundles) {
    console.log(budgetLine(bundle))
    console.log(`  largest inputs (minified bytes): ${largestInputs(bundle)}`)
  }
  for (const bundle of bundles.filter(isOverBudget)) {
    console.error(`size budget exceeded: ${budgetLine(bundle)} (budgets: bench/size/budget.ts)`)
    process.exitCode = 1
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

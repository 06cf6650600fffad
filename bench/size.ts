import { budgetLine, CORE_GZIP_BUDGET, dominantInputs } from './size/budget'
import { measureBundle } from './size/bundleSize'

/**
 * The size budget check CI runs: prints the core's figure and, with --check,
 * exits non-zero when it is over budget, naming what dominates.
 */
async function main() {
  const core = await measureBundle('core')
  console.log(budgetLine(core))
  console.log(`largest inputs (minified bytes): ${dominantInputs(core)}`)
  if (process.argv.includes('--check') && core.gzip > CORE_GZIP_BUDGET) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

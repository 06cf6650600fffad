import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import { FIGURES_FOLDER_VARIABLE, figuresTable, type Figure } from '../tools/faultFigures'
import { ROOT } from '../tools/root'

/**
 * `npm run faults`: the fault suite (jest project `faults`), then its figures into
 * docs/RELIABILITY.md between the figures markers. The file is rewritten only
 * when every fault test passed: a failed run's figures are no record to keep.
 */
const DOC = path.join(ROOT, 'docs/RELIABILITY.md')
const START = '<!-- figures:start (npm run faults writes this part) -->'
const END = '<!-- figures:end -->'

const folder = mkdtempSync(path.join(tmpdir(), 'opengid-faults-'))
try {
  const run = spawnSync('npx', ['jest', '--selectProjects', 'faults', '--maxWorkers=1'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, [FIGURES_FOLDER_VARIABLE]: folder },
  })
  if (run.status !== 0) {
    console.error('The fault suite failed: docs/RELIABILITY.md is left as it was.')
    process.exit(run.status ?? 1)
  }
  const figures = readdirSync(folder)
    .sort()
    .flatMap((file) => JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Figure[])
  const when = `Run of ${new Date().toISOString().slice(0, 10)} on Node ${process.version}, ${cpus().length} cores.`
  const doc = readFileSync(DOC, 'utf8')
  const before = doc.slice(0, doc.indexOf(START) + START.length)
  const after = doc.slice(doc.indexOf(END))
  writeFileSync(DOC, `${before}\n\n${when}\n\n${figuresTable(figures)}\n\n${after}`)
  console.log(`docs/RELIABILITY.md: ${figures.length} faults written.`)
} finally {
  rmSync(folder, { recursive: true, force: true })
}

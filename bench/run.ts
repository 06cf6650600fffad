import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { commit } from './commit'
import type { measureConsumers } from './consumers'
import { measureDecrypt } from './decrypt/section'
import { measureInProcess } from './handler/inProcess'
import { measureHandler } from './handler/section'
import { measureHandlerSessions } from './handler/sessionsSection'
import { loadBundled } from './loadBundled'
import { loadAverage, machine } from './machine'
import type { Section } from './section'
import { measureService } from './service/section'
import { measureSizes } from './size/section'
import { measureWeappColdWarm } from './weapp/coldWarm'
import { loadBaselineBuild } from './weapp/baseline'
import { loadWeappBuild } from './weapp/launch'
import { measureWeapp } from './weapp/section'

/**
 * `npm run bench`: every figure of docs/PERFORMANCE.md, printed as markdown
 * and written to bench/results.json. It prints figures and asserts none:
 * timings on a shared machine are for reading, not for failing a build.
 * The sections run one after another so they never compete for the 2 cores.
 */
async function main() {
  const started = Date.now()
  const date = new Date(started).toISOString()
  const code = commit()
  const host = machine()
  const loadBefore = loadAverage()
  console.log(`## opengid bench, ${date}\n`)
  console.log(`commit ${code.hash.slice(0, 7)}${code.dirty ? ' with uncommitted changes' : ''}\n`)
  console.log(`${host.cores} cores (${host.cpu}), ${host.memoryGiB} GiB, Node ${host.node}, ${host.platform}\n`)

  const sections: Section[] = []
  const report = (section: Section) => {
    sections.push(section)
    console.log(`### ${section.title}\n\n${section.markdown}\n`)
  }

  // Measured first, reported in their places: the jsdom sections leave a large heap whose
  // garbage collection would land on whichever in-process timing happens to be running.
  const decrypt = measureDecrypt()
  const inProcess = await measureInProcess()
  const consumers = await loadBundled<{ measureConsumers: typeof measureConsumers }>('bench/consumers/index.ts')
  for (const section of await consumers.measureConsumers()) report(section)
  report(await measureSizes())
  report(decrypt)
  report(await measureHandler())
  report(await measureHandlerSessions(inProcess))
  report(await measureService())
  const weapp = await loadWeappBuild()
  report(await measureWeapp(weapp))
  report(await measureWeappColdWarm(weapp, await loadBaselineBuild()))

  const seconds = Math.round((Date.now() - started) / 100) / 10
  const load = { before: loadBefore, after: loadAverage() }
  console.log(
    `(bench took ${seconds} s; load average before it: ${load.before.join(', ')}, after it: ${load.after.join(', ')})`,
  )
  const results = { date, commit: code, machine: host, loadAverage: load, seconds, sections }
  writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

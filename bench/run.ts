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
import { SECTION_IDS, type Section, type SectionId } from './section'
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
 * `npm run bench -- service weapp` runs only the sections of those ids, in
 * their usual order (results.json then holds only those).
 */
async function main(only: Set<SectionId>) {
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

  const wanted = (...ids: SectionId[]) => only.size === 0 || ids.some((id) => only.has(id))
  // Measured first, reported in their places: the jsdom sections leave a large heap whose
  // garbage collection would land on whichever in-process timing happens to be running.
  const decrypt = wanted('decrypt') ? measureDecrypt() : undefined
  const inProcess = wanted('handler-sessions') ? await measureInProcess() : undefined
  if (wanted('calls', 'renders')) {
    const consumers = await loadBundled<{ measureConsumers: typeof measureConsumers }>('bench/consumers/index.ts')
    for (const section of await consumers.measureConsumers()) if (wanted(section.id)) report(section)
  }
  if (wanted('size')) report(await measureSizes())
  if (decrypt) report(decrypt)
  if (wanted('handler')) report(await measureHandler())
  if (inProcess) report(await measureHandlerSessions(inProcess))
  if (wanted('service')) report(await measureService())
  if (wanted('weapp', 'weapp-warm')) {
    const weapp = await loadWeappBuild()
    if (wanted('weapp')) report(await measureWeapp(weapp))
    if (wanted('weapp-warm')) report(await measureWeappColdWarm(weapp, await loadBaselineBuild()))
  }

  const seconds = Math.round((Date.now() - started) / 100) / 10
  const load = { before: loadBefore, after: loadAverage() }
  console.log(
    `(bench took ${seconds} s; load average before it: ${load.before.join(', ')}, after it: ${load.after.join(', ')})`,
  )
  const results = { date, commit: code, machine: host, loadAverage: load, seconds, sections }
  writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
}

const only = new Set(process.argv.slice(2) as SectionId[])
const unknown = [...only].filter((id) => !SECTION_IDS.includes(id))
if (unknown.length > 0) {
  console.error(`no such section: ${unknown.join(', ')} (the sections: ${SECTION_IDS.join(', ')})`)
  process.exit(2)
}
main(only).catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

import { Profiler } from 'react'
import { createRoot } from 'react-dom/client'
import { APPROACHES, type ApproachName, type Tally } from './approaches'
import { container } from './dom'
import { createEnv, OPENGID } from './env'

export interface ScenarioResult {
  approach: ApproachName
  /** Components that show the opengid. */
  readers: number
  /** Components that show only the scene (0 in the calls scenarios). */
  sceneReaders: number
  logins: number
  bridgeCalls: number
  resolverCalls: number
  /** React commits inside the Profiler, from mount until everything has resolved. */
  commits: number
  opengidRenders: { min: number; max: number }
  sceneRenders: { min: number; max: number }
}

/** A hang guard, not a timing assertion: the simulated calls answer within a few ticks. */
const GIVE_UP_MS = 10_000
/** After the last reader shows the opengid, time for any trailing commit to show up in the counts. */
const TRAILING_MS = 20

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function range(counts: number[]): { min: number; max: number } {
  return counts.length ? { min: Math.min(...counts), max: Math.max(...counts) } : { min: 0, max: 0 }
}

/**
 * Mounts `readers` opengid readers and `sceneReaders` scene readers under one
 * approach and counts calls, renders and commits until every reader shows the
 * opengid. Not wrapped in act(): act queues every update made inside it and
 * flushes them together, which would merge commits that React's own scheduler
 * keeps apart. React's development build is used because Profiler's onRender
 * only fires there (or in the profiling build).
 */
export async function measureScenario(
  approach: ApproachName,
  readers: number,
  sceneReaders: number,
): Promise<ScenarioResult> {
  const env = createEnv()
  const { Root, OpenGidReader, SceneReader } = APPROACHES[approach](env)
  const tally: Tally = { opengid: new Array<number>(readers).fill(0), scene: new Array<number>(sceneReaders).fill(0) }
  let commits = 0
  const element = container()
  const root = createRoot(element)
  root.render(
    <Profiler id={approach} onRender={() => commits++}>
      <Root>
        {tally.opengid.map((_, i) => (
          <OpenGidReader key={`g${i}`} index={i} tally={tally} />
        ))}
        {tally.scene.map((_, i) => (
          <SceneReader key={`s${i}`} index={i} tally={tally} />
        ))}
      </Root>
    </Profiler>,
  )
  const shown = () =>
    [...element.querySelectorAll('[data-opengid]')].filter((node) => node.textContent === OPENGID).length
  const deadline = Date.now() + GIVE_UP_MS
  while (shown() < readers) {
    if (Date.now() > deadline) throw new Error(`${approach}: ${shown()} of ${readers} readers showed the opengid`)
    await sleep(1)
  }
  await sleep(TRAILING_MS)
  root.unmount()
  element.remove()
  if (commits === 0) throw new Error("Profiler saw no commit: React's production build is loaded (unset NODE_ENV)")
  return {
    approach,
    readers,
    sceneReaders,
    logins: env.bridge.count('login'),
    bridgeCalls: env.bridge.count('getGroupEnterInfo'),
    resolverCalls: env.resolver.calls.length,
    commits,
    opengidRenders: range(tally.opengid),
    sceneRenders: range(tally.scene),
  }
}

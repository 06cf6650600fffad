import type { SessionRecord, SessionStore } from '@opengid/server'
import { startDevServer } from '@opengid/server/dev'
import type { WeappBundle } from '../../tools/weapp-host'
import { table, type Cell } from '../markdown'
import type { Section } from '../section'
import { median, percentile, round } from '../stats'
import { BASELINE_COMMIT } from './baseline'
import { first, launch, LATENCY, OPENGID, resolverPosts, type BenchServer, type WeappBuild } from './launch'

/**
 * code2Session's delay here: a stand-in for the server's round trip to WeChat,
 * the cost a warm launch avoids. The `weapp` section's fake answers at once.
 */
const CODE2SESSION_MS = 100
/** Installs whose two launches load the bundle's code paths into the JIT first; not reported. */
const WARMUP = 2
const INSTALLS = 20

/**
 * The simulated latency each path waits for at least: its calls run one after
 * another. A warm launch is one bridge call and one request; a key that rotated or
 * expired since costs one extra round (the refused request, a login, a bridge call
 * and a cold request). The baseline kit also waited for wx.checkSession (the host's
 * login latency) before its bridge call.
 */
const COLD = LATENCY.login + LATENCY.bridge + CODE2SESSION_MS + LATENCY.server
const WARM = LATENCY.bridge + LATENCY.server
const FLOOR = { cold: COLD, warm: WARM, rotated: WARM + COLD, expired: WARM + COLD }
const CHECK = LATENCY.login
const BASELINE_FLOOR = { cold: COLD, warm: CHECK + WARM, rotated: CHECK + WARM + COLD, expired: CHECK + WARM + COLD }

type Path = keyof typeof FLOOR
const PATHS: Path[] = ['cold', 'warm', 'rotated', 'expired']
const LABELS: Record<Path, string> = {
  cold: 'cold: first launch of an install',
  warm: 'warm: second launch, same install',
  rotated: 'rotated: the app logged in elsewhere between launches',
  expired: 'expired: the server no longer has the session',
}

/** One launch: its time to opengid, and the calls that tell which path it took. */
interface PathRun {
  ms: number
  opengid: boolean
  login: number
  checkSession: number
  getGroupEnterInfo: number
  code2Session: number
  resolverPosts: number
}

type Count = Exclude<keyof PathRun, 'ms' | 'opengid'>
const COUNTS: Count[] = ['login', 'checkSession', 'getGroupEnterInfo', 'code2Session', 'resolverPosts']

/** Sessions the bench can make the server forget, as a restart without a shared store or a TTL would. */
function forgettingSessions(): SessionStore & { forgetAll(): void } {
  const records = new Map<string, SessionRecord>()
  return {
    get: async (id) => records.get(id),
    set: async (id, record) => void records.set(id, record),
    delete: async (id) => void records.delete(id),
    forgetAll: () => records.clear(),
  }
}

async function timedLaunch(bundle: WeappBundle, server: BenchServer, user: string, storage?: Map<string, unknown>) {
  const exchanges = server.fake.exchanges
  const launched = await launch(bundle, server, user, storage)
  const { log } = launched
  const run: PathRun = {
    ms: round(launched.shown.at - first(log, 'App.onLaunch'), 2),
    opengid: launched.texts.includes(OPENGID),
    login: log.count('login'),
    checkSession: log.count('checkSession'),
    getGroupEnterInfo: log.count('getGroupEnterInfo'),
    // The launch has settled, so every exchange since it started is its own.
    code2Session: server.fake.exchanges - exchanges,
    resolverPosts: resolverPosts(log).length,
  }
  return { run, storage: launched.storage }
}

/** A count that was the same in every launch is shown as that number; one that varied, as its range. */
function countCell(runs: PathRun[], key: Count): Cell {
  const low = Math.min(...runs.map((run) => run[key]))
  const high = Math.max(...runs.map((run) => run[key]))
  return low === high ? low : `${low}–${high}`
}

function summary(runs: PathRun[]) {
  const ms = runs.map((run) => run.ms)
  return {
    median: round(median(ms), 2),
    p90: round(percentile(ms, 90), 2),
    min: round(Math.min(...ms), 2),
    max: round(Math.max(...ms), 2),
  }
}

/** Every path of one kit: each install launches cold, then warm, then after a rotation, then after an expiry. */
async function measureKit(bundle: WeappBundle): Promise<Record<Path, PathRun[]>> {
  const sessions = forgettingSessions()
  const server = await startDevServer({
    port: 0,
    latencyMs: LATENCY.server,
    code2SessionLatencyMs: CODE2SESSION_MS,
    sessions,
  })
  const runs: Record<Path, PathRun[]> = { cold: [], warm: [], rotated: [], expired: [] }
  try {
    for (let i = 0; i < WARMUP + INSTALLS; i++) {
      const user = `install-${i}`
      const cold = await timedLaunch(bundle, server, user)
      const warm = await timedLaunch(bundle, server, user, cold.storage)
      // The app's own sign-in logged in elsewhere: WeChat rotated the key.
      server.fake.login(user)
      const rotated = await timedLaunch(bundle, server, user, warm.storage)
      sessions.forgetAll()
      const expired = await timedLaunch(bundle, server, user, rotated.storage)
      if (i < WARMUP) continue
      runs.cold.push(cold.run)
      runs.warm.push(warm.run)
      runs.rotated.push(rotated.run)
      runs.expired.push(expired.run)
    }
  } finally {
    await server.close()
  }
  return runs
}

/**
 * The `weapp-warm` section: time to opengid of a fresh install's first launch (cold:
 * wx.login, then code2Session on the server) against the same install's next
 * launches (warm: the stored session, no login, no code2Session; then after a key
 * rotation and after a session expiry), with code2Session taking 100 ms as it does
 * across the internet. The same demo over the baseline kit (checkSession before the
 * bridge call) runs in the same process, right after.
 */
export async function measureWeappColdWarm({ bundle, build }: WeappBuild, baseline: WeappBundle): Promise<Section> {
  const kits = { current: await measureKit(bundle), baseline: await measureKit(baseline) }
  const stats = {
    current: Object.fromEntries(PATHS.map((key) => [key, summary(kits.current[key])])) as Record<
      Path,
      ReturnType<typeof summary>
    >,
    baseline: Object.fromEntries(PATHS.map((key) => [key, summary(kits.baseline[key])])) as Record<
      Path,
      ReturnType<typeof summary>
    >,
  }
  const rows = (['current', 'baseline'] as const).flatMap((kit) =>
    PATHS.map((key) => [
      kit === 'current' ? LABELS[key] : `baseline ${BASELINE_COMMIT.slice(0, 7)}, ${key}`,
      stats[kit][key].median,
      stats[kit][key].p90,
      stats[kit][key].min,
      stats[kit][key].max,
      (kit === 'current' ? FLOOR : BASELINE_FLOOR)[key],
      ...COUNTS.map((count) => countCell(kits[kit][key], count)),
      kits[kit][key].every((run) => run.opengid) ? 'yes' : 'NO',
    ]),
  )
  const headers = [
    'App.onLaunch → opengid shown',
    'median ms',
    'p90 ms',
    'min ms',
    'max ms',
    'simulated latency ms',
    'login',
    'checkSession',
    'getGroupEnterInfo',
    'code2Session',
    'POST /api/opengid',
    'right group',
  ]
  const faster = round(stats.baseline.warm.median - stats.current.warm.median, 2)
  const overhead = round(stats.current.warm.median - FLOOR.warm, 2)
  return {
    id: 'weapp-warm',
    title: `Time to opengid, cold vs warm (tools/weapp-host; login and checkSession ${LATENCY.login} ms, bridge ${LATENCY.bridge} ms, code2Session ${CODE2SESSION_MS} ms, server ${LATENCY.server} ms; ${INSTALLS} installs, 4 launches each, per kit)`,
    markdown: [
      table(headers, rows),
      `calls are per launch; the warm launch is ${faster} ms faster than the baseline's at the median, and ${overhead} ms above its ${FLOOR.warm} ms of simulated latency`,
      `weapp build: ${build === 'fresh' ? 'up to date, reused' : 'rebuilt first (not timed)'}; the baseline build is made once from ${BASELINE_COMMIT} and reused`,
    ].join('\n\n'),
    data: {
      build,
      baselineCommit: BASELINE_COMMIT,
      latency: { ...LATENCY, checkSession: LATENCY.login, code2Session: CODE2SESSION_MS },
      floorMs: { current: FLOOR, baseline: BASELINE_FLOOR },
      stats,
      warmFasterThanBaselineMs: faster,
      warmOverheadMs: overhead,
      runs: kits,
    },
  }
}

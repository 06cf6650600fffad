import { startDevServer } from '@opengid/server/dev'
import type { WeappBundle } from '../../tools/weapp-host'
import { table, type Cell } from '../markdown'
import type { Section } from '../section'
import { median, percentile, round } from '../stats'
import { first, launch, LATENCY, resolverPosts, type BenchServer, type WeappBuild } from './launch'

/**
 * code2Session's delay here: a stand-in for the server's round trip to WeChat,
 * the cost a warm launch avoids. The `weapp` section's fake answers at once.
 */
const CODE2SESSION_MS = 100
/** Installs whose two launches load the bundle's code paths into the JIT first; not reported. */
const WARMUP = 2
const INSTALLS = 20

/**
 * The simulated latency each path waits for at least. wx.checkSession takes the
 * host's login latency, and each path's calls run one after another.
 */
const FLOOR = {
  cold: LATENCY.login + LATENCY.bridge + CODE2SESSION_MS + LATENCY.server,
  warm: LATENCY.login + LATENCY.bridge + LATENCY.server,
}

type Path = keyof typeof FLOOR

/** One launch: its time to opengid, and the calls that tell which path it took. */
interface PathRun {
  ms: number
  login: number
  checkSession: number
  code2Session: number
  resolverPosts: number
}

type Count = Exclude<keyof PathRun, 'ms'>
const COUNTS: Count[] = ['login', 'checkSession', 'code2Session', 'resolverPosts']

async function timedLaunch(bundle: WeappBundle, server: BenchServer, user: string, storage?: Map<string, unknown>) {
  const exchanges = server.fake.exchanges
  const launched = await launch(bundle, server, user, storage)
  const { log } = launched
  const run: PathRun = {
    ms: round(launched.shown.at - first(log, 'App.onLaunch'), 2),
    login: log.count('login'),
    checkSession: log.count('checkSession'),
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

/**
 * The `weapp-warm` section: time to opengid of a fresh install's first launch
 * (cold: wx.login, then code2Session on the server) against the same install's
 * second launch (warm: the stored session, wx.checkSession, no login, no
 * code2Session), with code2Session taking 100 ms as it does across the internet.
 */
export async function measureWeappColdWarm({ bundle, build }: WeappBuild): Promise<Section> {
  const server = await startDevServer({ port: 0, latencyMs: LATENCY.server, code2SessionLatencyMs: CODE2SESSION_MS })
  const runs: Record<Path, PathRun[]> = { cold: [], warm: [] }
  try {
    for (let i = 0; i < WARMUP + INSTALLS; i++) {
      const user = `install-${i}`
      const cold = await timedLaunch(bundle, server, user)
      const warm = await timedLaunch(bundle, server, user, cold.storage)
      if (i < WARMUP) continue
      runs.cold.push(cold.run)
      runs.warm.push(warm.run)
    }
  } finally {
    await server.close()
  }
  const stats = { cold: summary(runs.cold), warm: summary(runs.warm) }
  const saved = round(stats.cold.median - stats.warm.median, 2)
  const rows = (['cold', 'warm'] as const).map((key) => [
    key === 'cold' ? 'cold: first launch of an install' : 'warm: second launch, same install',
    stats[key].median,
    stats[key].p90,
    stats[key].min,
    stats[key].max,
    FLOOR[key],
    ...COUNTS.map((count) => countCell(runs[key], count)),
  ])
  const headers = [
    'App.onLaunch → opengid shown',
    'median ms',
    'p90 ms',
    'min ms',
    'max ms',
    'simulated latency ms',
    'login',
    'checkSession',
    'code2Session',
    'POST /api/opengid',
  ]
  return {
    id: 'weapp-warm',
    title: `Time to opengid, cold vs warm (tools/weapp-host; login and checkSession ${LATENCY.login} ms, bridge ${LATENCY.bridge} ms, code2Session ${CODE2SESSION_MS} ms, server ${LATENCY.server} ms; ${INSTALLS} installs, 2 launches each)`,
    markdown: [
      table(headers, rows),
      `calls are per launch; warm is ${saved} ms faster at the median`,
      `weapp build: ${build === 'fresh' ? 'up to date, reused' : 'rebuilt first (not timed)'}`,
    ].join('\n\n'),
    data: {
      build,
      latency: { ...LATENCY, checkSession: LATENCY.login, code2Session: CODE2SESSION_MS },
      floorMs: FLOOR,
      stats,
      savedMedianMs: saved,
      runs,
    },
  }
}

import { startDevServer } from '@opengid/server/dev'
import { table } from '../markdown'
import type { Section } from '../section'
import { median, round } from '../stats'
import { LATENCY, LATENCY_SUM, launchOnce, type LaunchTimes, type WeappBuild } from './launch'
import { serverRoundTrip } from './serverRoundTrip'

/** Launches that load the bundle's code paths into the JIT first; not reported. */
const WARMUP = 2
const RUNS = 15

/**
 * Where the time of one launch went, in ms; every figure but the first is net
 * of the simulated latency it spans. `roundTrip` is the same resolver request
 * sent directly, which splits the server's share from the kit's.
 */
function breakdown(t: LaunchTimes, roundTrip: number) {
  const kitPath = t.shown - t.login - LATENCY_SUM
  const server = roundTrip - LATENCY.server
  return {
    timeToOpengid: t.shown - t.onLaunch,
    overhead: t.shown - t.onLaunch - LATENCY_SUM,
    boot: t.login - t.onLaunch,
    kitPath,
    server,
    drawing: t.drawing,
    kitOwn: kitPath - server - t.drawing,
    betweenCalls: t.request - t.login - LATENCY.login - LATENCY.bridge,
  }
}

type Breakdown = ReturnType<typeof breakdown>

const ROWS: [keyof Breakdown, string][] = [
  ['timeToOpengid', 'App.onLaunch → opengid shown'],
  [
    'overhead',
    `overhead over the ${LATENCY_SUM} ms of simulated latency (= boot + kit path per launch; medians need not add up)`,
  ],
  ['boot', 'boot: App.onLaunch → wx.login (Taro and page boot, first render, kit start)'],
  ['kitPath', 'kit path: wx.login → opengid shown, net of latency (= server + drawing + kit own)'],
  ['server', `server: the same POST sent directly with fetch, net of ${LATENCY.server} ms`],
  ['drawing', 'drawing: the renderer drawing the frame that shows the opengid (in WeChat, its render thread)'],
  ['kitOwn', 'kit own: kit path − server − drawing (kit, Taro render, setData)'],
  ['betweenCalls', 'part of kit own: between wx.login, getGroupEnterInfo and wx.request'],
]

/**
 * The `weapp` section: the compiled weapp demo in tools/weapp-host, the real
 * resolver endpoint behind the dev server, simulated latencies of login 30 ms,
 * bridge 20 ms and server 30 ms. The host timestamps every wx call and setData,
 * and times the renderer's drawing of each setData.
 */
export async function measureWeapp({ bundle, build }: WeappBuild): Promise<Section> {
  const server = await startDevServer({ port: 0, latencyMs: LATENCY.server })
  const runs: Breakdown[] = []
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const times = await launchOnce(bundle, server, `bench-${i}`)
      const roundTrip = await serverRoundTrip(server, `direct-${i}`)
      if (i >= WARMUP) runs.push(breakdown(times, roundTrip))
    }
  } finally {
    await server.close()
  }
  const rows = ROWS.map(([key, label]) => {
    const values = runs.map((run) => run[key])
    return [label, round(median(values), 2), round(Math.min(...values), 2), round(Math.max(...values), 2)]
  })
  return {
    id: 'weapp',
    title: `Time to opengid in the compiled weapp (tools/weapp-host; login ${LATENCY.login} ms, bridge ${LATENCY.bridge} ms, server ${LATENCY.server} ms; ${RUNS} launches)`,
    markdown: `${table(['ms', 'median', 'min', 'max'], rows)}\n\nweapp build: ${build === 'fresh' ? 'up to date, reused' : 'rebuilt first (not timed)'}`,
    data: { build, latency: LATENCY, runs },
  }
}

import type { FakeWeChat } from '@opengid/server/dev'
import { launchWeapp, type LogEntry, type WeappBundle } from '../../test/weapp-host'

/** The simulated latencies of the weapp launches; their sum is what the kit cannot go below. */
export const LATENCY = { login: 30, bridge: 20, server: 30 }
export const LATENCY_SUM = LATENCY.login + LATENCY.bridge + LATENCY.server

export const OPENGID = 'G_WEAPP_BENCH'

const ENTRY = { scene: 1008, chatType: 3, shareTicket: 'bench-ticket', group: { opengid: OPENGID } } as const

/** Milliseconds since the host's log started, of each step of one launch from a group card. */
export interface LaunchTimes {
  onLaunch: number
  login: number
  getGroupEnterInfo: number
  request: number
  shown: number
}

function first(entries: LogEntry[], what: string): number {
  if (!entries.length) throw new Error(`the launch made no ${what}`)
  return entries[0].at
}

/** Launches the compiled demo once from a group card and reads when each step happened from the host's log. */
export async function launchOnce(
  bundle: WeappBundle,
  server: { url: string; fake: FakeWeChat },
  user: string,
): Promise<LaunchTimes> {
  const host = launchWeapp({
    bundle,
    fake: server.fake,
    serverUrl: server.url,
    user,
    entry: ENTRY,
    latency: { login: LATENCY.login, bridge: LATENCY.bridge },
  })
  try {
    const shown = await host.waitForText(OPENGID)
    await host.settled()
    const { log } = host
    const resolverPosts = log
      .of('request')
      .filter(({ detail }) => (detail as { url: string }).url.endsWith('/api/opengid'))
    return {
      onLaunch: first(log.of('App.onLaunch'), 'App.onLaunch'),
      login: first(log.of('login'), 'login'),
      getGroupEnterInfo: first(log.of('getGroupEnterInfo'), 'getGroupEnterInfo call'),
      request: first(resolverPosts, 'request to /api/opengid'),
      shown: shown.at,
    }
  } finally {
    host.close()
  }
}

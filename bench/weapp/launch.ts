import path from 'node:path'
import type { FakeWeChat } from '@opengid/server/dev'
import { ROOT } from '../../tools/root'
import { ensureBuild } from '../../tools/taroBuild'
import {
  launchWeapp,
  readWeappBundle,
  type CallLog,
  type LogEntry,
  type Render,
  type WeappBundle,
} from '../../tools/weapp-host'

/** The simulated latencies of the weapp launches; their sum is what the kit cannot go below. */
export const LATENCY = { login: 30, bridge: 20, server: 30 }
export const LATENCY_SUM = LATENCY.login + LATENCY.bridge + LATENCY.server

export const OPENGID = 'G_WEAPP_BENCH'

/** The compiled demo both weapp sections launch, and whether it had to be built first. */
export interface WeappBuild {
  bundle: WeappBundle
  build: 'fresh' | 'built'
}

/** Builds the demo for weapp when it is stale, then reads it (and compiles its templates) once for every section. */
export async function loadWeappBuild(): Promise<WeappBuild> {
  const build = await ensureBuild('weapp')
  return { build, bundle: readWeappBundle(path.join(ROOT, 'dist/weapp')) }
}

const ENTRY = { scene: 1008, chatType: 3, shareTicket: 'bench-ticket', group: { opengid: OPENGID } } as const

export interface BenchServer {
  url: string
  fake: FakeWeChat
}

/** One launch, read after the app settled: its log, and the phone's storage for a next launch of the same install. */
export interface Launched {
  log: CallLog
  /** The setData after which the page showed the opengid. */
  shown: LogEntry
  renders: readonly Render[]
  storage: Map<string, unknown>
  /** What the page showed once it settled. */
  texts: string[]
}

/**
 * Launches the compiled demo once from a group card, as `user`. Given the
 * storage of an earlier launch, it is that install's next launch.
 */
export async function launch(
  bundle: WeappBundle,
  server: BenchServer,
  user: string,
  storage?: Map<string, unknown>,
): Promise<Launched> {
  const host = launchWeapp({
    bundle,
    fake: server.fake,
    serverUrl: server.url,
    user,
    entry: ENTRY,
    storage,
    latency: { login: LATENCY.login, bridge: LATENCY.bridge },
  })
  try {
    const shown = await host.waitForText(OPENGID)
    // Whatever the page does after showing the opengid must not run into the next launch.
    await host.settled()
    return { log: host.log, shown, renders: host.renders, storage: host.storage, texts: host.texts() }
  } finally {
    host.close()
  }
}

/** The launch's POSTs to the resolver endpoint (the demo also calls its check-in API). */
export function resolverPosts(log: CallLog): LogEntry[] {
  return log.of('request').filter(({ detail }) => (detail as { url: string }).url.endsWith('/api/opengid'))
}

/** When the launch's first `name` happened; a launch that made none was not the one measured. */
export function first(log: CallLog, name: string): number {
  const [entry] = log.of(name)
  if (!entry) throw new Error(`the launch made no ${name}`)
  return entry.at
}

/** Milliseconds since the host's log started, of each step of one launch from a group card. */
export interface LaunchTimes {
  onLaunch: number
  login: number
  getGroupEnterInfo: number
  request: number
  shown: number
  /**
   * Time the renderer took to draw the setData that shows the opengid: on the critical path after the
   * server's answer. Earlier frames are drawn while simulated latency is running, so they cost nothing.
   */
  drawing: number
}

/** Launches a fresh install once and reads when each step of the cold path happened from the host's log. */
export async function launchOnce(bundle: WeappBundle, server: BenchServer, user: string): Promise<LaunchTimes> {
  const { log, shown, renders } = await launch(bundle, server, user)
  const [post] = resolverPosts(log)
  if (!post) throw new Error('the launch made no request to /api/opengid')
  return {
    onLaunch: first(log, 'App.onLaunch'),
    login: first(log, 'login'),
    getGroupEnterInfo: first(log, 'getGroupEnterInfo'),
    request: post.at,
    shown: shown.at,
    drawing: renders.find(({ entry }) => entry === shown)?.drawMs ?? 0,
  }
}

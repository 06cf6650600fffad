import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import path from 'node:path'
import { createNodeHandler } from '../http/nodeHandler'
import type { SessionStore } from '../sessions/sessionStore'
import { checkins } from './checkins'
import { devRoutes } from './devRoutes'
import { createFakeWeChat, type FakeWeChat } from './fakeWeChat'
import { groupRoute } from './groupRoute'
import { closeServer, listen } from './listen'
import { staticRoot } from './staticFiles'
import { todos } from './todos'

export interface DevServerOptions {
  /** Default 0: a free port, reported in the result. */
  port?: number
  /** Default '127.0.0.1'. */
  host?: string
  /** Default DEV_APP_ID. */
  appId?: string
  /** Default: random; only the dev server itself needs to know it. */
  secret?: string
  /** Signs the group tickets; default random (read it from the result). At least 32 bytes. */
  ticketSecret?: string
  /** Default a memorySessionStore() of its own. */
  sessions?: SessionStore
  /** A built H5 app to serve (e.g. dist/h5). Without it only the API routes exist. */
  staticDir?: string
  /** Delay before each /api/opengid answer, to measure a client against a slow server. */
  latencyMs?: number
  /** Delay before each /sns/jscode2session answer of the fake WeChat. Default 0. */
  code2SessionLatencyMs?: number
  /** Passed to the fake WeChat; default true. */
  rotateSessionKeyOnLogin?: boolean
}

export interface DevServer {
  url: string
  port: number
  /** The fake WeChat behind the routes: log users in, inject failures, inspect calls. */
  fake: FakeWeChat
  /** The secret its tickets are signed with, to verify them in tests. */
  ticketSecret: string
  close(): Promise<void>
}

/** A made-up appId for development, shaped like a real one. */
export const DEV_APP_ID = 'wx00000000000dev00'

/**
 * One port for the H5 demo and everything it talks to (the routes are listed in
 * devRoutes). The resolver endpoint is the real createNodeHandler, whose
 * code2Session calls go to this same server's fake WeChat over loopback HTTP.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const secret = options.secret ?? randomBytes(16).toString('hex')
  const ticketSecret = options.ticketSecret ?? randomBytes(32).toString('base64url')
  const appId = options.appId ?? DEV_APP_ID
  const fake = createFakeWeChat({
    appId,
    secret,
    rotateSessionKeyOnLogin: options.rotateSessionKeyOnLogin,
    code2SessionLatencyMs: options.code2SessionLatencyMs,
  })
  const root = options.staticDir === undefined ? undefined : await staticRoot(path.resolve(options.staticDir))
  const groups = { checkins: checkins(fake), todos: todos() }
  const features = new Map(
    Object.entries(groups).map(([name, feature]) => [name, groupRoute({ appId, ticketSecret }, feature)]),
  )
  const server = createServer()
  const { url, port } = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1')
  // Attached only now because the API handler calls code2Session on this
  // server's own URL, which port 0 leaves unknown until listening.
  const api = createNodeHandler({
    appId,
    secret,
    ticketSecret,
    sessions: options.sessions,
    endpoint: url,
  })
  server.on('request', devRoutes({ fake, api, features, staticRoot: root, latencyMs: options.latencyMs ?? 0 }))
  return { url, port, fake, ticketSecret, close: () => closeServer(server) }
}

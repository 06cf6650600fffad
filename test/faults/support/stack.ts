import { createServer, type Server } from 'node:http'
import { Redis as IoRedis } from 'ioredis'
import { createClient } from 'redis'
import {
  createNodeHandler,
  redisSessionStore,
  type IoRedisClientLike,
  type NodeRedisClientLike,
  type SessionStore,
} from '@opengid/server'
import { createFakeWeChat, type FakeWeChat } from '@opengid/server/dev'
import { closeServer, listen } from '../../../packages/server/src/dev/listen'

export type ClientKind = 'ioredis' | 'node-redis'
export const CLIENT_KINDS: ClientKind[] = ['ioredis', 'node-redis']

export const APP_ID = 'wx0faults000000000'
export const SECRET = 'faults-app-secret-0123456789abcdef'
const TICKET_SECRET = 'faults-ticket-secret-0123456789abcdef-0123456789'

/**
 * How WeChat behaves behind the loopback stand-in: as the fake answers, not at
 * all, with an HTML 500, or "system busy" (-1) only after `SLOW_BUSY_MS`.
 */
export type WeChatMode = 'up' | 'hanging' | 'failing' | 'slowBusy'
export const SLOW_BUSY_MS = 4000

/** A store over a Redis client as an app creates one: each library's defaults, nothing the kit asks for. */
export interface AppRedis<S> {
  store: S
  close(): Promise<void>
}

type RedisClient = IoRedisClientLike | NodeRedisClientLike

/**
 * Wired the way the docs' Sessions page shows it, minus the error listener an app may
 * forget: the store must survive without one. node-redis connects after the store
 * is made, unawaited: against a Redis that is not up, connect() never settles.
 */
export function appRedis<S>(kind: ClientKind, port: number, makeStore: (client: RedisClient) => S): AppRedis<S> {
  if (kind === 'ioredis') {
    const io = new IoRedis(port, '127.0.0.1')
    return { store: makeStore(io), close: async () => io.disconnect() }
  }
  const node = createClient({ url: `redis://127.0.0.1:${port}` })
  const store = makeStore(node)
  node.connect().catch(() => undefined)
  return { store, close: async () => node.destroy() }
}

/** What the server said to its operator: every report and every console line, to search for secrets. */
export interface Logs {
  lines: string[]
  restore(): void
}

export function captureLogs(): Logs {
  const lines: string[] = []
  const spies = (['log', 'info', 'warn', 'error'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(logText).join(' '))
    }),
  )
  return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) }
}

/** An error as a logger would print it: message, stack and own fields. */
export function logText(value: unknown): string {
  if (value instanceof Error) return `${value.message}\n${value.stack}\n${JSON.stringify(value)}`
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The fake WeChat behind a loopback server whose behaviour a test switches. */
export interface WeChatStandIn {
  fake: FakeWeChat
  url: string
  mode: WeChatMode
  close(): Promise<void>
}

export async function startWeChat(): Promise<WeChatStandIn> {
  const fake = createFakeWeChat({ appId: APP_ID, secret: SECRET })
  const server: Server = createServer((req, res) => {
    if (standIn.mode === 'up') fake.handler(req, res)
    else if (standIn.mode === 'failing') res.writeHead(500, { 'Content-Type': 'text/html' }).end('<html>busy</html>')
    else if (standIn.mode === 'slowBusy') {
      const busy = setTimeout(() => res.end(JSON.stringify({ errcode: -1, errmsg: 'system busy' })), SLOW_BUSY_MS)
      res.on('close', () => clearTimeout(busy))
    }
    // 'hanging': the request is held until the kit gives up on it or the server closes.
  })
  const { url } = await listen(server, 0, '127.0.0.1')
  const standIn: WeChatStandIn = { fake, url, mode: 'up', close: () => closeServer(server) }
  return standIn
}

/** Sessions in Redis through `kind`, their reports kept with the logs. */
export function redisSessions(kind: ClientKind, port: number, logs: Logs): AppRedis<SessionStore> {
  return appRedis(kind, port, (client) =>
    redisSessionStore(client, { onInternalError: (error) => logs.lines.push(logText(error)) }),
  )
}

/** The node handler on loopback, with the kit's default deadlines. */
export interface Api {
  url: string
  close(): Promise<void>
}

export async function startApi(wechat: WeChatStandIn, sessions: SessionStore, logs: Logs): Promise<Api> {
  const handler = createNodeHandler({
    appId: APP_ID,
    secret: SECRET,
    ticketSecret: TICKET_SECRET,
    endpoint: wechat.url,
    sessions,
    onInternalError: (error) => logs.lines.push(logText(error)),
  })
  const server = createServer((req, res) => void handler(req, res))
  const { url } = await listen(server, 0, '127.0.0.1')
  return { url, close: () => closeServer(server) }
}

/** Nothing an answer or a log line may ever hold. */
export function secretsOf(wechat: WeChatStandIn): string[] {
  return [SECRET, TICKET_SECRET, ...wechat.fake.issuedSessionKeys]
}

import { reportInternalError, type InternalErrorReporter } from '../shared/reportInternalError'
import { systemErrorCode } from '../shared/systemErrorCode'

/** The three commands the Redis stores need, as ioredis spells them. */
export interface IoRedisClientLike {
  get(key: string): Promise<unknown>
  set(key: string, value: string, mode: 'EX', seconds: number): Promise<unknown>
  del(key: string): Promise<unknown>
}

/** The same, as node-redis (v4 and later) spells them; `isOpen` tells the two apart. */
export interface NodeRedisClientLike {
  readonly isOpen: boolean
  get(key: string): Promise<unknown>
  set(key: string, value: string, options: { EX: number }): Promise<unknown>
  del(key: string): Promise<unknown>
}

/** What both Redis stores take about their client. */
export interface RedisClientOptions {
  /**
   * Receives the client's lost connections, when the app listens for none of its
   * 'error' events itself; default console.error.
   */
  onInternalError?: InternalErrorReporter
}

/** What the session and access token stores do with Redis, whichever client the app has. */
export interface RedisCommands {
  /** The value as text, or whatever else the client answered (null for a missing key). */
  get(key: string): Promise<unknown>
  /** SET key value EX seconds: Redis forgets it on its own. */
  setExpiring(key: string, value: string, seconds: number): Promise<void>
  del(key: string): Promise<void>
}

/**
 * An ioredis client or a node-redis client (v4+), told apart by their shape,
 * behind one set of commands. The client's own reconnect settings apply; the
 * stores' callers bound each command's time. Anything else is a TypeError.
 */
export function redisCommands(
  client: IoRedisClientLike | NodeRedisClientLike,
  report: InternalErrorReporter | undefined,
): RedisCommands {
  if (!hasCommands(client)) {
    throw new TypeError('client must be an ioredis client or a node-redis (v4 or later) client')
  }
  keepAliveOnErrors(client, report)
  const setExpiring = isNodeRedis(client)
    ? (key: string, value: string, seconds: number) => client.set(key, value, { EX: seconds })
    : (key: string, value: string, seconds: number) => client.set(key, value, 'EX', seconds)
  return {
    get: async (key) => text(await client.get(key)),
    setExpiring: async (key, value, seconds) => void (await setExpiring(key, value, seconds)),
    del: async (key) => void (await client.del(key)),
  }
}

/** A store's key prefix: the option, else the store's default. */
export function redisPrefix(option: unknown, fallback: string): string {
  if (option === undefined) return fallback
  if (typeof option !== 'string') throw new TypeError('prefix must be a string')
  return option
}

type Emitter = {
  on(event: string, listener: (error: unknown) => void): unknown
  listenerCount(event: string): number
}

/**
 * node-redis emits 'error' on every lost connection, and an EventEmitter with no
 * listener for it throws: a Redis restart would end the process, every instance
 * at once. A client the app listens on already is left as it is; any other gets a
 * listener that reports the first error of each outage (the client retries many
 * times a second) with only its system code: the error can quote a command's
 * arguments, which hold session keys.
 */
function keepAliveOnErrors(client: object, report: InternalErrorReporter | undefined): void {
  const emitter = client as Partial<Emitter>
  if (typeof emitter.on !== 'function' || typeof emitter.listenerCount !== 'function') return
  if (emitter.listenerCount('error') > 0) return
  let reported = false
  emitter.on('error', (error) => {
    if (reported) return
    reported = true
    const code = systemErrorCode(error)
    const cause = code === undefined ? '' : ` (${code})`
    reportInternalError(
      report,
      new Error(`the Redis client lost its connection${cause}: the stores fail until it is back`),
    )
  })
  emitter.on('ready', () => {
    reported = false
  })
}

/** node-redis answers Buffers when the app maps its replies so. */
function text(value: unknown): unknown {
  return Buffer.isBuffer(value) ? value.toString('utf8') : value
}

function hasCommands(client: unknown): boolean {
  const commands = client as Partial<Record<'get' | 'set' | 'del', unknown>> | null
  return (
    typeof commands === 'object' &&
    commands !== null &&
    typeof commands.get === 'function' &&
    typeof commands.set === 'function' &&
    typeof commands.del === 'function'
  )
}

function isNodeRedis(client: IoRedisClientLike | NodeRedisClientLike): client is NodeRedisClientLike {
  return typeof (client as Partial<NodeRedisClientLike>).isOpen === 'boolean'
}

import { checkTtlSeconds, parseRecord, serializeRecord, type SessionStore } from './sessionStore'

/** The three commands the store needs, as ioredis spells them. */
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

export interface RedisSessionStoreOptions {
  /** Default 'opengid:session:'. */
  prefix?: string
  /** Default DEFAULT_SESSION_TTL_SECONDS (7 days); Redis expires the key itself (SET ... EX). */
  ttlSeconds?: number
}

/**
 * Sessions in Redis, shared by every server instance that uses the same Redis:
 * one JSON value per session under `prefix + id`. `client` is an ioredis client
 * or a connected node-redis client (v4+); which one is told by its shape. The
 * client's own reconnect and timeout settings apply.
 */
export function redisSessionStore(
  client: IoRedisClientLike | NodeRedisClientLike,
  options: RedisSessionStoreOptions = {},
): SessionStore {
  const ttlSeconds = checkTtlSeconds(options.ttlSeconds)
  const prefix = options.prefix ?? 'opengid:session:'
  if (typeof prefix !== 'string') throw new TypeError('prefix must be a string')
  if (!hasCommands(client)) {
    throw new TypeError('client must be an ioredis client or a node-redis (v4 or later) client')
  }
  const write = isNodeRedis(client)
    ? (key: string, value: string) => client.set(key, value, { EX: ttlSeconds })
    : (key: string, value: string) => client.set(key, value, 'EX', ttlSeconds)
  return {
    get: async (id) => parseRecord(text(await client.get(prefix + id))),
    set: async (id, record) => void (await write(prefix + id, serializeRecord(record))),
    delete: async (id) => void (await client.del(prefix + id)),
  }
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

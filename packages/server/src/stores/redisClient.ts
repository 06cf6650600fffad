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

/** What the session and access token stores do with Redis, whichever client the app has. */
export interface RedisCommands {
  /** The value as text, or whatever else the client answered (null for a missing key). */
  get(key: string): Promise<unknown>
  /** SET key value EX seconds: Redis forgets it on its own. */
  setExpiring(key: string, value: string, seconds: number): Promise<void>
  del(key: string): Promise<void>
}

/**
 * An ioredis client or a connected node-redis client (v4+), told apart by their
 * shape, behind one set of commands. The client's own reconnect and timeout
 * settings apply. Anything else is a TypeError.
 */
export function redisCommands(client: IoRedisClientLike | NodeRedisClientLike): RedisCommands {
  if (!hasCommands(client)) {
    throw new TypeError('client must be an ioredis client or a node-redis (v4 or later) client')
  }
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

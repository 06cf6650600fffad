import { redisSessionStore, type SessionStore } from '@opengid/server'
import { redisForSuite } from '../support/redisClients'
import { describeWithRedis } from '../support/redisSuite'

// Starting redis-server and connecting two clients: seconds on a busy 2-core machine.
jest.setTimeout(30_000)

const RECORD = { openid: 'o-redis', unionid: 'u-redis', sessionKey: Buffer.alloc(16, 3).toString('base64') }

describeWithRedis('redisSessionStore against a real redis-server', () => {
  const redis = redisForSuite()

  /** Both kinds of client, and the raw commands to look behind the store with. */
  interface Client {
    name: string
    prefix: string
    store(): SessionStore
    ttl(key: string): Promise<number>
    set(key: string, value: string): Promise<unknown>
  }
  const clients: Client[] = [
    {
      name: 'ioredis',
      prefix: 'io:',
      store: () => redisSessionStore(redis.io, { prefix: 'io:', ttlSeconds: 120 }),
      ttl: (key) => redis.io.ttl(key),
      set: (key, value) => redis.io.set(key, value),
    },
    {
      name: 'node-redis',
      prefix: 'node:',
      store: () => redisSessionStore(redis.node, { prefix: 'node:', ttlSeconds: 120 }),
      ttl: (key) => redis.node.ttl(key),
      set: (key, value) => redis.node.set(key, value),
    },
  ]

  describe.each(clients)('redisSessionStore over $name', (client) => {
    const { prefix } = client

    test('keeps, returns and deletes a record; Redis expires it after ttlSeconds', async () => {
      const store = client.store()
      await store.set('s1', RECORD)
      expect(await store.get('s1')).toEqual(RECORD)
      const ttl = await client.ttl(`${prefix}s1`)
      expect(ttl).toBeGreaterThan(110)
      expect(ttl).toBeLessThanOrEqual(120)
      await store.delete('s1')
      expect(await store.get('s1')).toBeUndefined()
      expect(await client.ttl(`${prefix}s1`)).toBe(-2)
    })

    test('a value that is not a record (another app’s key, a truncated write) counts as no session', async () => {
      const store = client.store()
      for (const value of ['not json', '{"openid":1}', '[]', '{"openid":"o"}']) {
        await client.set(`${prefix}bad`, value)
        expect(await store.get('bad')).toBeUndefined()
      }
    })

    test('stores only the three record fields', async () => {
      const store = client.store()
      await store.set('s2', { ...RECORD, extra: 'x' } as typeof RECORD)
      expect(await store.get('s2')).toEqual(RECORD)
    })
  })

  test('the ioredis and node-redis stores read each other’s records under one prefix', async () => {
    const viaIo = redisSessionStore(redis.io)
    const viaNode = redisSessionStore(redis.node)
    await viaIo.set('shared', RECORD)
    expect(await viaNode.get('shared')).toEqual(RECORD)
    expect(await redis.io.exists('opengid:session:shared')).toBe(1)
  })

  test('anything that is not a Redis client is a TypeError', () => {
    expect(() => redisSessionStore({} as never)).toThrow(TypeError)
    expect(() => redisSessionStore(redis.io, { ttlSeconds: -1 })).toThrow(TypeError)
  })
})

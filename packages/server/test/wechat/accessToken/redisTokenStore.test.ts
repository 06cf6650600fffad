import { createAccessTokenCache, redisTokenStore, type AccessTokenStore } from '@opengid/server'
import { createFakeWeChat } from '@opengid/server/dev'
import { APP_ID, SECRET, servedFake } from '../../support/fixtures'
import { redisForSuite } from '../../support/redisClients'
import { describeWithRedis } from '../../support/redisSuite'

// Starting redis-server and connecting two clients: seconds on a busy 2-core machine.
jest.setTimeout(30_000)

let clock = Date.UTC(2030, 0, 1)
const now = () => clock
const wechat = servedFake(createFakeWeChat({ appId: APP_ID, secret: SECRET, now }))
const { fake } = wechat

describeWithRedis('redisTokenStore against a real redis-server', () => {
  const redis = redisForSuite()
  // Each test starts with no token in Redis and none valid at the fake.
  beforeEach(async () => {
    await redis.io.flushall()
    clock += 24 * 60 * 60 * 1000
  })

  /** One server instance: a cache of its own over the shared Redis. */
  const instance = (store: AccessTokenStore) =>
    createAccessTokenCache({ appId: APP_ID, secret: SECRET, endpoint: wechat.url, now, store })

  test('instance B reuses the token instance A fetched, without a request of its own', async () => {
    const a = instance(redisTokenStore(redis.io))
    const b = instance(redisTokenStore(redis.node))
    const before = fake.tokenIssuances
    const token = await a.get()
    expect(await b.get()).toBe(token)
    expect(await Promise.all(Array.from({ length: 20 }, () => b.get()))).toEqual(Array(20).fill(token))
    expect(fake.tokenIssuances - before).toBe(1)
  })

  test('two cold instances at once each ask WeChat once (no lock across instances) and get the same token', async () => {
    const a = instance(redisTokenStore(redis.io))
    const b = instance(redisTokenStore(redis.node))
    const before = fake.tokenIssuances
    const got = await Promise.all([
      ...Array.from({ length: 10 }, () => a.get()),
      ...Array.from({ length: 10 }, () => b.get()),
    ])
    expect(new Set(got).size).toBe(1)
    expect(fake.tokenIssuances - before).toBeGreaterThanOrEqual(1)
    expect(fake.tokenIssuances - before).toBeLessThanOrEqual(2)
  })

  test('keeps { token, expiresAt } under prefix + appId, and Redis expires it with the token', async () => {
    const token = await instance(redisTokenStore(redis.io)).get()
    const key = `opengid:access-token:${APP_ID}`
    expect(JSON.parse((await redis.io.get(key)) ?? '')).toEqual({ token, expiresAt: clock + 7200 * 1000 })
    const ttl = await redis.io.ttl(key)
    expect(ttl).toBeGreaterThan(7190)
    expect(ttl).toBeLessThanOrEqual(7200)
  })

  test("one instance's invalidate() drops the token for all: the next get() anywhere asks WeChat", async () => {
    const a = instance(redisTokenStore(redis.io))
    const b = instance(redisTokenStore(redis.node))
    const first = await a.get()
    fake.revokeAccessToken(first)
    await a.invalidate(first)
    expect(await redis.io.exists(`opengid:access-token:${APP_ID}`)).toBe(0)
    const before = fake.tokenIssuances
    const second = await b.get()
    expect(second).not.toBe(first)
    expect(await a.get()).toBe(second)
    expect(fake.tokenIssuances - before).toBe(1)
  })

  test('a value that is not a record (another app’s key, a truncated write) counts as no token', async () => {
    const store = redisTokenStore(redis.node, { prefix: 'mine:' })
    for (const value of ['not json', '{"token":1}', '[]', '{"token":"t"}']) {
      await redis.io.set(`mine:${APP_ID}`, value)
      expect(await store.get(APP_ID)).toBeUndefined()
    }
  })

  test('anything that is not a Redis client, or a prefix that is not a string, is a TypeError', () => {
    expect(() => redisTokenStore({} as never)).toThrow(TypeError)
    expect(() => redisTokenStore(redis.io, { prefix: 5 as never })).toThrow('prefix must be a string')
  })
})

import { startRedisServer, type RedisServer } from '../../tools/redis/redisServer'
import { startService, type ServiceProcess } from '../../tools/service/runService'
import { describeWithRedis } from '../../packages/server/test/support/redisSuite'
import { fakeWeChat, post, requiredEnv, whenReady } from './serviceHarness'

// A redis-server, two service processes and a few hundred requests: a minute at most on a busy machine.
jest.setTimeout(120_000)

const USERS = 60
const CONCURRENCY = 6

/**
 * Two service processes behind one redis-server, as behind a load balancer: a session
 * made on one is warm on the other, and a bounded load sent round-robin through both
 * ends with no error.
 */
describeWithRedis('two service processes sharing one Redis', () => {
  const fake = fakeWeChat()
  let wechat: { url: string; close(): Promise<void> }
  let redis: RedisServer
  const services: ServiceProcess[] = []

  beforeAll(async () => {
    wechat = await fake.listen()
    redis = await startRedisServer()
    const env = { ...requiredEnv(wechat.url), OPENGID_REDIS_URL: redis.url }
    services.push(...(await Promise.all([startService(env), startService(env)])))
    await Promise.all(services.map((service) => whenReady(service.url)))
  })
  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop('SIGKILL')))
    await redis?.stop()
    await wechat?.close()
  })

  test('a session made on A is warm on B, with no second code2Session', async () => {
    const [a, b] = services
    const group = { opengid: 'G-two' }
    const cold = await post(a.url, fake.clientRequest('two-first', group))
    // The body names the cause if this is not a 200.
    expect({ status: cold.status, error: cold.json.error }).toEqual({ status: 200, error: undefined })
    const exchanges = fake.exchanges
    const warm = await post(b.url, fake.sessionRequest('two-first', cold.json.session, group))
    expect(warm.status).toBe(200)
    expect(warm.json.opengid).toBe('G-two')
    expect(fake.exchanges).toBe(exchanges)
  })

  test(`round-robin: ${USERS} users, cold then twice warm, ${CONCURRENCY} at a time: 0 errors`, async () => {
    let next = 0
    const statuses: number[] = []
    // Request n goes to service n % 2: each user's three requests alternate between the two.
    const send = (body: object) => post(services[next++ % 2].url, body)
    const user = async (index: number) => {
      const name = `rr-${index}`
      const group = { opengid: `G-rr-${index % 5}` }
      const cold = await send(fake.clientRequest(name, group))
      statuses.push(cold.status)
      for (let warm = 0; warm < 2; warm++) {
        statuses.push((await send(fake.sessionRequest(name, cold.json.session, group))).status)
      }
    }
    let started = 0
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (started < USERS) await user(started++)
      }),
    )
    expect(statuses).toHaveLength(USERS * 3)
    expect(statuses.filter((status) => status !== 200)).toEqual([])
    // Both processes served: each logged requests.
    for (const service of services) {
      expect(service.lines.filter((line) => line.includes('"route":"/api/opengid"')).length).toBeGreaterThan(USERS / 2)
    }
  })
})

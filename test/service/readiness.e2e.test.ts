import { startOn, startRedisServer, type RedisServer } from '../../tools/redis/redisServer'
import { startService, type ServiceProcess } from '../../tools/service/runService'
import { describeWithRedis } from '../../packages/server/test/support/redisSuite'
import { coldRequest, fakeWeChat, get, post, requiredEnv, until } from './serviceHarness'

// A redis-server stopped and started again under the service: many seconds on a busy machine.
jest.setTimeout(90_000)

describeWithRedis('GET /readyz follows the Redis session store', () => {
  const fake = fakeWeChat()
  let wechat: { url: string; close(): Promise<void> }
  let redis: RedisServer | undefined
  let service: ServiceProcess | undefined

  beforeAll(async () => {
    wechat = await fake.listen()
    redis = await startRedisServer()
    service = await startService({ ...requiredEnv(wechat.url), OPENGID_REDIS_URL: redis.url })
  })
  afterAll(async () => {
    await service?.stop('SIGKILL')
    await redis?.stop()
    await wechat?.close()
  })

  test('ready with Redis, 503 while it is down, ready again once it is back; SIGTERM exits 0', async () => {
    const { url } = service!
    expect(service!.lines.some((line) => line.includes('sessions: in Redis'))).toBe(true)
    await until(url, '/readyz', 200)
    const first = await post(url, coldRequest(fake))
    expect(first.status).toBe(200)

    const port = redis!.port
    await redis!.stop()
    await until(url, '/readyz', 503)
    expect((await get(url, '/healthz')).status).toBe(200)
    const { code: _code, ...data } = coldRequest(fake)
    const down = await post(url, { ...data, session: first.json.session })
    expect(down.status).toBe(503)
    expect(down.json.error.code).toBe('SESSIONS_UNAVAILABLE')
    expect((await get(url, '/metrics')).text).toMatch(/^opengid_session_store_errors_total\{operation="get"\} [1-9]/m)

    redis = await startOn(port)
    await until(url, '/readyz', 200)
    expect((await post(url, coldRequest(fake))).status).toBe(200)
    expect(service!.lines.some((line) => line.includes('Redis reachable again'))).toBe(true)

    expect(await service!.stop('SIGTERM')).toBe(0)
  })
})

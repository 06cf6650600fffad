import { Cluster } from 'ioredis'
import { startRedisCluster, type RedisCluster } from '../../tools/redis/redisCluster'
import { startService, type ServiceProcess } from '../../tools/service/runService'
import { describeWithRedis } from '../../packages/server/test/support/redisSuite'
import { fakeWeChat, get, post, requiredEnv, until, whenReady } from './serviceHarness'

// Three cluster-enabled redis-servers and two service processes: a minute at most on a busy machine.
jest.setTimeout(120_000)

/** Random session ids: one of three masters gets none of 40 with a chance of about 3 × (2/3)^40 = 3 × 10^-7. */
const USERS = 40

/**
 * The bin on Redis Cluster, as an operator runs it: OPENGID_REDIS_CLUSTER_NODES names one
 * node (the client finds the others), two processes share the cluster, and the sessions
 * land on every master.
 */
describeWithRedis('two service processes on a Redis Cluster of three masters', () => {
  const fake = fakeWeChat()
  let wechat: { url: string; close(): Promise<void> }
  let cluster: RedisCluster
  let observer: Cluster
  const services: ServiceProcess[] = []

  beforeAll(async () => {
    wechat = await fake.listen()
    cluster = await startRedisCluster()
    observer = new Cluster(cluster.nodes)
    const [seed, other] = cluster.nodes.map(({ host, port }) => `redis://${host}:${port}`)
    // A and B are given different seeds: each must find the whole cluster from its own.
    for (const nodes of [seed, ` ${other} ,`]) {
      const env = { ...requiredEnv(wechat.url), OPENGID_REDIS_CLUSTER_NODES: nodes }
      services.push(await startService(env))
    }
    await Promise.all(services.map((service) => whenReady(service.url)))
  })
  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop('SIGKILL')))
    await observer?.quit()
    await cluster?.stop()
    await wechat?.close()
  })

  test('each says in its log that sessions are in Redis Cluster; /readyz is 200', async () => {
    for (const service of services) {
      expect(service.lines.some((line) => line.includes('sessions: in Redis Cluster'))).toBe(true)
      expect((await get(service.url, '/readyz')).status).toBe(200)
    }
  })

  test(`${USERS} users: cold on A, warm on B with no second code2Session; sessions on every master`, async () => {
    const [a, b] = services
    for (let index = 0; index < USERS; index++) {
      const user = `cluster-${index}`
      const group = { opengid: `G-cluster-${index}` }
      const cold = await post(a.url, fake.clientRequest(user, group))
      expect({ status: cold.status, error: cold.json.error }).toEqual({ status: 200, error: undefined })
      const exchanges = fake.exchanges
      const warm = await post(b.url, fake.sessionRequest(user, cold.json.session, group))
      expect({ status: warm.status, opengid: warm.json.opengid }).toEqual({ status: 200, opengid: group.opengid })
      expect(fake.exchanges).toBe(exchanges)
    }
    const keys = await Promise.all(observer.nodes('master').map((master) => master.dbsize()))
    expect(keys).toHaveLength(3)
    expect(keys.filter((count) => count > 0)).toHaveLength(3)
  })

  test('a master down: /readyz is 503 on both (its slots cannot be served), /healthz stays 200', async () => {
    await cluster.stopNode(2)
    for (const service of services) {
      await until(service.url, '/readyz', 503)
      expect((await get(service.url, '/healthz')).status).toBe(200)
    }
  })

  test('SIGTERM: both close their cluster connections and exit 0', async () => {
    for (const service of services) expect(await service.stop('SIGTERM')).toBe(0)
  })
})

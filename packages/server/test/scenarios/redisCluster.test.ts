import { Cluster } from 'ioredis'
import { createCluster } from 'redis'
import {
  createAccessTokenCache,
  createNodeHandler,
  redisSessionStore,
  redisTokenStore,
  type IoRedisClientLike,
  type NodeRedisClientLike,
} from '@opengid/server'
import { startRedisCluster, type RedisCluster } from '../../../../tools/redis/redisCluster'
import { CREDENTIALS, APP_ID, SECRET, newUser, servedFake } from '../support/fixtures'
import { postJson } from '../support/http'
import { describeWithRedis } from '../support/redisSuite'
import { serve, type Served } from '../support/serve'

/**
 * Random session ids: the chance that one of the three masters gets none of them is
 * about 3 × (2/3)^40 = 3 × 10^-7 (with 12 it was 2 %: the service suite failed on it once).
 */
const SPREAD_USERS = 40

// Three redis-servers joined into a cluster, and a client of each library: many seconds on a busy machine.
jest.setTimeout(90_000)

/**
 * The session and access token stores on Redis Cluster, through ioredis's Cluster and
 * node-redis's createCluster: each store command names one key, so one slot, and the
 * client routes it to the master that owns it (no CROSSSLOT, no MOVED left to the store).
 */
describeWithRedis('Redis Cluster: three masters on loopback', () => {
  const wechat = servedFake()
  let cluster: RedisCluster
  let io: Cluster
  let node: ReturnType<typeof createCluster>
  const served: Served[] = []

  beforeAll(async () => {
    cluster = await startRedisCluster()
    io = new Cluster(cluster.nodes)
    node = createCluster({ rootNodes: cluster.nodes.map(({ host, port }) => ({ url: `redis://${host}:${port}` })) })
    await node.connect()
  })
  afterAll(async () => {
    await Promise.all(served.map((api) => api.close()))
    await io?.quit()
    await node?.close()
    await cluster?.stop()
  })

  /** The keys under `prefix` on each master, read through ioredis's view of the cluster. */
  const keysPerMaster = (prefix: string) =>
    Promise.all(io.nodes('master').map(async (master) => (await master.keys(`${prefix}*`)).length))

  describe.each([
    ['ioredis Cluster', () => io as unknown as IoRedisClientLike],
    ['node-redis createCluster', () => node as unknown as NodeRedisClientLike],
  ])('%s', (name, client) => {
    const prefix = `cluster-${name.split(' ')[0]}:`

    test('sessions: made on instance A, warm on instance B; ids spread over every master', async () => {
      const instance = async () => {
        const api = await serve(
          createNodeHandler({
            ...CREDENTIALS,
            endpoint: wechat.url,
            sessions: redisSessionStore(client(), { prefix }),
          }),
        )
        served.push(api)
        return api.url
      }
      const [a, b] = [await instance(), await instance()]
      const group = { opengid: 'G-cluster' }
      for (let i = 0; i < SPREAD_USERS; i++) {
        const user = newUser()
        const cold = await postJson(a, wechat.fake.clientRequest(user, group))
        expect(cold.status).toBe(200)
        const warm = await postJson(b, wechat.fake.sessionRequest(user, cold.json.session!, group))
        expect(warm.status).toBe(200)
        expect(warm.json.opengid).toBe('G-cluster')
      }
      const keys = await keysPerMaster(prefix)
      expect(keys).toHaveLength(3)
      expect(keys.filter((count) => count > 0)).toHaveLength(3)
    })

    test('access tokens: instance B reuses the token A fetched', async () => {
      const instance = () =>
        createAccessTokenCache({
          appId: APP_ID,
          secret: SECRET,
          endpoint: wechat.url,
          store: redisTokenStore(client(), { prefix }),
        })
      const before = wechat.fake.tokenIssuances
      const token = await instance().get()
      expect(await instance().get()).toBe(token)
      expect(wechat.fake.tokenIssuances).toBe(before + 1)
    })
  })
})

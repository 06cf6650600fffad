import { Redis as IoRedis } from 'ioredis'
import { createClient } from 'redis'
import { startRedisServer, type RedisServer } from '../../../../tools/redis/redisServer'

export interface SuiteRedis {
  server: RedisServer
  /** An ioredis client of it. */
  io: IoRedis
  /** A node-redis client of it. */
  node: ReturnType<typeof createClient>
}

/**
 * A redis-server of the suite's own and one client of each library the stores accept,
 * started before the suite's tests and stopped after them: read the fields inside tests.
 */
export function redisForSuite(): SuiteRedis {
  const suite = {} as SuiteRedis
  beforeAll(async () => {
    suite.server = await startRedisServer()
    suite.io = new IoRedis(suite.server.port, '127.0.0.1')
    suite.node = createClient({ url: suite.server.url })
    await suite.node.connect()
  })
  afterAll(async () => {
    suite.io?.disconnect()
    await suite.node?.close()
    await suite.server?.stop()
  })
  return suite
}

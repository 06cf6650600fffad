import { Redis as IoRedis } from 'ioredis'
import { createClient } from 'redis'
import { redisSessionStore, redisTokenStore } from '@opengid/server'
import { startRedisServer, type RedisServer } from '../../../../tools/redis/redisServer'
import { describeWithRedis } from '../support/redisSuite'

// Starting redis-server twice and waiting for a client to reconnect: seconds on a busy 2-core machine.
jest.setTimeout(30_000)

const RECORD = { openid: 'o-restart', sessionKey: Buffer.alloc(16, 7).toString('base64') }

async function eventually<T>(attempt: () => Promise<T>, withinMs = 10_000): Promise<T> {
  const deadline = Date.now() + withinMs
  for (;;) {
    try {
      return await attempt()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

describeWithRedis("the Redis stores keep the process alive when the client's connection drops (issue 19)", () => {
  let server: RedisServer
  beforeAll(async () => {
    server = await startRedisServer()
  })
  afterAll(() => server?.stop())

  test('node-redis wired as the docs show it (no error listener) survives a redis-server restart; one report per outage', async () => {
    const client = createClient({ url: server.url })
    const reports: Error[] = []
    const store = redisSessionStore(client, { onInternalError: (error) => reports.push(error as Error) })
    await client.connect()
    try {
      await store.set('A'.repeat(32), RECORD)
      await server.signal('SIGKILL')
      await eventually(async () => expect(reports).toHaveLength(1))
      await server.start()
      // Redis came back empty (nothing is saved to disk here): the store works again.
      await eventually(() => store.set('B'.repeat(32), RECORD))
      expect(await store.get('B'.repeat(32))).toEqual(RECORD)
      expect(reports).toHaveLength(1)
      expect(reports[0].message).toMatch(
        /^the Redis client lost its connection( \([A-Z_]+\))?: the stores fail until it is back$/,
      )
      expect(reports[0].message).not.toContain(RECORD.sessionKey)
    } finally {
      await client.close()
    }
  })

  test('an ioredis client gets the listener too; a client the app listens on is left as it is', async () => {
    const io = new IoRedis(server.port, '127.0.0.1', { lazyConnect: true })
    redisTokenStore(io)
    expect(io.listenerCount('error')).toBe(1)
    const listened = createClient({ url: server.url })
    const own = () => undefined
    listened.on('error', own)
    redisSessionStore(listened)
    expect(listened.listeners('error')).toEqual([own])
    io.disconnect()
  })
})

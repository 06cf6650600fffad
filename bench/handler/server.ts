import { redisSessionStore } from '@opengid/server'
import { startDevServer } from '@opengid/server/dev'
import { Redis } from 'ioredis'
import { coldBodies, warmBodies } from './bodies'
import { EXCHANGES, type ExchangesAnswer, type ServerConfig, type ServerReady } from './protocol'

/**
 * The dev server in a process of its own, so the load generator does not share
 * its event loop. It makes every request body itself: the codes and session keys
 * they need live in this process's fake WeChat.
 */
async function main() {
  const config = JSON.parse(process.argv[2]) as ServerConfig
  const redis = config.redisUrl === undefined ? undefined : new Redis(config.redisUrl)
  const server = await startDevServer({ port: 0, sessions: redis && redisSessionStore(redis) })
  const bodies =
    config.path === 'cold' ? coldBodies(server, config.requests) : await warmBodies(server, config.requests)
  process.on('message', (message) => {
    if (message === EXCHANGES) process.send?.({ exchanges: server.fake.exchanges } satisfies ExchangesAnswer)
  })
  // The bench disconnects when it is done, or when it dies: either way, stop.
  process.once('disconnect', () => {
    void server.close().then(() => redis?.quit())
  })
  process.send?.({ url: server.url, bodies } satisfies ServerReady)
}

void main()

import { startDevServer } from '@opengid/server/dev'
import type { ServerReady } from './protocol'

/**
 * The dev server in a process of its own, so the load generator does not
 * share its event loop. It pre-makes every request body (as many as its one
 * argument says): each needs a login code that works once, and the codes live
 * in this process's fake WeChat.
 */
async function main() {
  const count = Number(process.argv[2])
  const server = await startDevServer({ port: 0 })
  const ready: ServerReady = {
    url: server.url,
    // One user per body: a login rotates that user's session key, which
    // would make an earlier body of the same user undecryptable.
    bodies: Array.from({ length: count }, (_, i) =>
      JSON.stringify(server.fake.clientRequest(`load-${i}`, { opengid: 'G_LOAD' })),
    ),
  }
  // The bench disconnects when it is done, or when it dies: either way, stop.
  process.once('disconnect', () => void server.close())
  process.send?.(ready)
}

void main()

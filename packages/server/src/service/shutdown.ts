import type { Server } from 'node:http'
import type { Logger } from './log'

/**
 * SIGTERM / SIGINT: stop accepting, let the requests in flight finish (new answers
 * close their connection), close the store, exit 0. Requests still running at the
 * deadline lose their connections.
 */
export function stopOnSignals(
  server: Server,
  { timeoutMs, close, log }: { timeoutMs: number; close: () => Promise<void>; log: Logger },
): { draining: () => boolean } {
  let draining = false
  const stop = (signal: NodeJS.Signals) => {
    if (draining) return
    draining = true
    log.info({ signal }, 'stopping: no new connections, finishing requests in flight')
    const deadline = setTimeout(() => {
      log.warn({ timeoutMs }, 'stopping: deadline reached, closing the connections left')
      server.closeAllConnections()
    }, timeoutMs)
    server.close(async () => {
      clearTimeout(deadline)
      await close()
      log.info('stopped')
      // Request lines are written in batches: the last one goes out before the exit.
      log.flush(() => process.exit(0))
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  return { draining: () => draining }
}

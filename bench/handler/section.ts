import { table } from '../markdown'
import type { Section } from '../section'
import { round } from '../stats'
import { CONNECTIONS, MEASURED, measureThroughput, statusCell, WARMUP } from './load'
import { API_PATH } from './protocol'
import { startServerProcess } from './serverProcess'

/** The `handler` section: the real handler behind the dev server, with the fake WeChat, on 127.0.0.1; every request cold. */
export async function measureHandler(): Promise<Section> {
  const server = await startServerProcess({ requests: WARMUP + MEASURED, path: 'cold' })
  try {
    const data = await measureThroughput(server.ready.url, server.ready.bodies)
    return {
      id: 'handler',
      title: `Handler throughput (POST ${API_PATH} on 127.0.0.1, fake WeChat, ${CONNECTIONS} connections, ${MEASURED} requests)`,
      markdown: table(
        ['req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'timeouts', 'status codes'],
        [
          [
            data.requestsPerSecond,
            round(data.latencyMs.p50, 2),
            round(data.latencyMs.p99, 2),
            data.non2xx,
            data.errors,
            data.timeouts,
            statusCell(data),
          ],
        ],
      ),
      data,
    }
  } finally {
    await server.stop()
  }
}

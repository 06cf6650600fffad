import { table } from '../markdown'
import type { Section } from '../section'
import { median, round } from '../stats'
import type { InProcess } from './inProcess'
import { CONNECTIONS, MEASURED, measureThroughput, WARMUP, type Throughput } from './load'
import { API_PATH, type ServerConfig } from './protocol'
import { startRedisServer } from '../../tools/redis/redisServer'
import { startServerProcess } from './serverProcess'

type Path = ServerConfig['path']
type Store = 'memory' | 'Redis'

const ROWS: { path: Path; store: Store }[] = [
  { path: 'cold', store: 'memory' },
  { path: 'cold', store: 'Redis' },
  { path: 'warm', store: 'memory' },
  { path: 'warm', store: 'Redis' },
]
/**
 * Passes over all four rows. One pass ranked the rows differently from run to
 * run (Redis ahead of memory, say) as other jobs came and went; interleaved
 * passes spread such a spell over every row, and the median pass is reported.
 */
const ROUNDS = 3

interface Run {
  throughput: Throughput
  /** code2Session requests the fake answered per request sent: 1 cold, 0 warm, whatever the timings. */
  code2SessionPerRequest: number
}

async function measureRun(path: Path, store: Store, redisUrl: string): Promise<Run> {
  const server = await startServerProcess({
    requests: WARMUP + MEASURED,
    path,
    redisUrl: store === 'Redis' ? redisUrl : undefined,
  })
  try {
    // Read once the bodies are made: the cold requests that made the warm sessions are not counted.
    const before = await server.exchanges()
    const throughput = await measureThroughput(server.ready.url, server.ready.bodies)
    const exchanges = (await server.exchanges()) - before
    return { throughput, code2SessionPerRequest: round(exchanges / (WARMUP + MEASURED), 2) }
  } finally {
    await server.stop()
  }
}

function summary(runs: Run[]) {
  const rates = runs.map((run) => run.throughput.requestsPerSecond)
  const total = (count: (throughput: Throughput) => number) => runs.reduce((sum, run) => sum + count(run.throughput), 0)
  const statuses = new Map<string, number>()
  for (const { throughput } of runs) {
    for (const [status, count] of Object.entries(throughput.statusCodes)) {
      statuses.set(status, (statuses.get(status) ?? 0) + count)
    }
  }
  const perRequest = new Set(runs.map((run) => run.code2SessionPerRequest))
  return {
    requestsPerSecond: Math.round(median(rates)),
    requestsPerSecondRange: [Math.min(...rates), Math.max(...rates)],
    p50Ms: median(runs.map((run) => run.throughput.latencyMs.p50)),
    p99Ms: median(runs.map((run) => run.throughput.latencyMs.p99)),
    code2SessionPerRequest: perRequest.size === 1 ? [...perRequest][0] : [...perRequest].join(' / '),
    non2xx: total((throughput) => throughput.non2xx),
    errorsAndTimeouts: total((throughput) => throughput.errors + throughput.timeouts),
    statusCodes: [...statuses].map(([status, count]) => `${status}: ${count}`).join(', '),
  }
}

/**
 * The `handler-sessions` section: the handler's throughput on each path and
 * store. Cold requests pay code2Session (to the fake WeChat on the same port,
 * which answers at once), a store read and a store write; warm ones a store read. Redis is a
 * redis-server of this run on 127.0.0.1, reached with ioredis. `inProcess` is
 * measured beforehand, for the reason the decrypt section is.
 */
export async function measureHandlerSessions(inProcess: InProcess): Promise<Section> {
  const runs = ROWS.map(() => [] as Run[])
  const redis = await startRedisServer()
  try {
    for (let pass = 0; pass < ROUNDS; pass++) {
      for (const [i, { path, store }] of ROWS.entries()) runs[i].push(await measureRun(path, store, redis.url))
    }
  } finally {
    await redis.stop()
  }
  const rows = ROWS.map((row, i) => ({ ...row, ...summary(runs[i]), runs: runs[i] }))
  const warmMemory = rows.find((row) => row.path === 'warm' && row.store === 'memory')
  const answerEveryUs = warmMemory && Math.round(1e6 / warmMemory.requestsPerSecond)
  return {
    id: 'handler-sessions',
    title: `Handler throughput by path and session store (POST ${API_PATH} on 127.0.0.1, fake WeChat answering at once, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${MEASURED} requests per row)`,
    markdown: [
      table(
        [
          'path',
          'sessions',
          'req/s',
          'req/s per round',
          'p50 ms',
          'p99 ms',
          'code2Session per request',
          'non-2xx',
          'errors + timeouts',
          'status codes',
        ],
        rows.map((row) => [
          row.path,
          row.store,
          row.requestsPerSecond,
          `${row.requestsPerSecondRange[0]} to ${row.requestsPerSecondRange[1]}`,
          row.p50Ms,
          row.p99Ms,
          row.code2SessionPerRequest,
          row.non2xx,
          row.errorsAndTimeouts,
          row.statusCodes,
        ]),
      ),
      'req/s, p50 and p99: medians of the rounds',
      `in process, without HTTP: signing a ticket (resolveCloudGroupInfo) ${inProcess.signTicketUs} µs, a whole warm resolve (memory store hit, decryption, signing) ${inProcess.warmResolveUs} µs; at the warm memory row's rate an answer left the server every ${answerEveryUs} µs`,
    ].join('\n\n'),
    data: { connections: CONNECTIONS, rounds: ROUNDS, inProcess, rows },
  }
}

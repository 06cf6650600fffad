import autocannon from 'autocannon'
import { fork } from 'node:child_process'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { table } from '../markdown'
import type { Section } from '../section'
import { round } from '../stats'
import { API_PATH, type ServerReady } from './protocol'

const CONNECTIONS = 10
/** Requests that warm up the JIT and the loopback sockets; not reported. */
const WARMUP = 1_000
/** A fixed count rather than a duration: the codes are made beforehand, so the run can never outlast them. */
const MEASURED = 20_000

interface Server {
  ready: ServerReady
  stop(): Promise<void>
}

function startServer(bodies: number): Promise<Server> {
  // tsx's loader lets the child run TypeScript with the same tsconfig paths as this process.
  const child = fork(path.join(__dirname, 'server.ts'), [String(bodies)], {
    execArgv: ['--import', 'tsx'],
    cwd: path.resolve(__dirname, '../..'),
  })
  // Disconnecting is the child's signal to close its server and exit.
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      if (child.connected) child.disconnect()
    })
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ ready: ready as ServerReady, stop }))
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before it was ready`)))
  })
}

/** Sends one pre-made body per request. Should they run out, a spent code is sent: a 401 that shows as non-2xx. */
async function load(url: string, bodies: string[]) {
  let next = 0
  const run = autocannon({
    url,
    connections: CONNECTIONS,
    amount: bodies.length,
    requests: [
      {
        method: 'POST',
        path: API_PATH,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[Math.min(next++, bodies.length - 1)] }),
      },
    ],
  })
  // autocannon ends a run on its next 1 s sample tick, so its own duration
  // overstates a short run; time it from the start to the last answer instead.
  let started = 0
  let answered = 0
  run.on('start', () => (started = performance.now())).on('response', () => (answered = performance.now()))
  const result = await run
  return { result, seconds: (answered - started) / 1000, exhausted: Math.max(0, next - bodies.length) }
}

/** The `handler` section: the real handler behind the dev server, with the fake WeChat, on 127.0.0.1. */
export async function measureHandler(): Promise<Section> {
  const server = await startServer(WARMUP + MEASURED)
  try {
    const { url, bodies } = server.ready
    await load(url, bodies.slice(0, WARMUP))
    const { result, seconds, exhausted } = await load(url, bodies.slice(WARMUP))
    const data = {
      connections: CONNECTIONS,
      requests: result.requests.total,
      seconds: round(seconds, 2),
      requestsPerSecond: Math.round(result.requests.total / seconds),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      codesExhausted: exhausted,
      statusCodes: Object.fromEntries(
        Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
      ),
    }
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
            Object.entries(data.statusCodes)
              .map(([status, count]) => `${status}: ${count}`)
              .join(', '),
          ],
        ],
      ),
      data,
    }
  } finally {
    await server.stop()
  }
}

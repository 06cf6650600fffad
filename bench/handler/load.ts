import autocannon from 'autocannon'
import { performance } from 'node:perf_hooks'
import { round } from '../stats'
import { API_PATH } from './protocol'

export const CONNECTIONS = 10
/** Requests that warm up the JIT and the loopback sockets; not reported. */
export const WARMUP = 1_000
/** A fixed count rather than a duration: the bodies are made beforehand, so the run can never outlast them. */
export const MEASURED = 20_000

/** Sends one pre-made body per request. Should they run out, the last is sent again: a spent code shows as a 401. */
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

export type Throughput = Awaited<ReturnType<typeof measureLoad>>

/** WARMUP requests, then MEASURED ones reported: req/s, latency percentiles (1 ms resolution) and every failure. */
export async function measureThroughput(url: string, bodies: string[]) {
  if (bodies.length < WARMUP + MEASURED) throw new Error(`${WARMUP + MEASURED} bodies needed, ${bodies.length} made`)
  await warmUp(url, bodies)
  return measureLoad(url, bodies.slice(WARMUP, WARMUP + MEASURED))
}

/** The first WARMUP bodies, not reported. */
export async function warmUp(url: string, bodies: string[]): Promise<void> {
  await load(url, bodies.slice(0, WARMUP))
}

/** One request per body, all reported, without a warm-up. */
export async function measureLoad(url: string, bodies: string[]) {
  const { result, seconds, exhausted } = await load(url, bodies)
  return {
    connections: CONNECTIONS,
    requests: result.requests.total,
    seconds: round(seconds, 2),
    requestsPerSecond: Math.round(result.requests.total / seconds),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bodiesExhausted: exhausted,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
    ),
  }
}

/** "200: 20000": every answer counted by status, so a failed run cannot pass for a fast one. */
export function statusCell(throughput: Throughput): string {
  return Object.entries(throughput.statusCodes)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ')
}

import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client'
import { SessionError } from '../sessions/SessionError'
import type { SessionStore } from '../sessions/sessionStore'
import type { FetchLike } from '../wechat/wechatRequest'

/** What GET /metrics shows, and the hooks that count it. A registry of its own: nothing global. */
export interface ServiceMetrics {
  registry: Registry
  /** One finished request: its route, and for POST /api/opengid the outcome code ('OK' or the error's). */
  request(route: string, seconds: number, outcome?: string): void
  /** The resolver's fetch, timing code2Session. */
  fetch: FetchLike
  /** The session store, counting its errors. */
  sessions(store: SessionStore): SessionStore
  /**
   * The resolver, counting warm requests: a hit when the session served, a miss when
   * it was refused (SESSION_EXPIRED). Counted here, not at the store: a cold request
   * also reads the store (its new id, before it spends the code), which is no lookup.
   */
  resolver<T>(resolve: (body: unknown) => Promise<T>): (body: unknown) => Promise<T>
}

export function createMetrics(): ServiceMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const resolves = new Counter({
    name: 'opengid_resolves_total',
    help: 'POST /api/opengid answers by outcome code (OK or the error code the client got)',
    labelNames: ['outcome'],
    registers: [registry],
  })
  const tickets = new Counter({
    name: 'opengid_tickets_issued_total',
    help: 'group tickets issued',
    registers: [registry],
  })
  const requests = new Histogram({
    name: 'opengid_http_request_duration_seconds',
    help: 'time to answer a request, by route',
    labelNames: ['route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  const code2Session = new Histogram({
    name: 'opengid_code2session_duration_seconds',
    help: "code2Session calls to WeChat and their time to an answer (result: answered or failed: WeChat's errcode is in the outcome)",
    labelNames: ['result'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  const lookups = new Counter({
    name: 'opengid_session_lookups_total',
    help: 'warm-path session lookups: hit or miss',
    labelNames: ['result'],
    registers: [registry],
  })
  const storeErrors = new Counter({
    name: 'opengid_session_store_errors_total',
    help: 'session store operations that failed (answered 503 SESSIONS_UNAVAILABLE)',
    labelNames: ['operation'],
    registers: [registry],
  })
  // Zero is a value: a dashboard shows the series before the first event.
  lookups.inc({ result: 'hit' }, 0)
  lookups.inc({ result: 'miss' }, 0)

  return {
    registry,
    request(route, seconds, outcome) {
      requests.observe({ route }, seconds)
      if (outcome === undefined) return
      resolves.inc({ outcome })
      if (outcome === 'OK') tickets.inc()
    },
    fetch: async (url, init) => {
      const timing = code2Session.startTimer()
      try {
        const response = await fetch(url, init)
        timing({ result: 'answered' })
        return response
      } catch (error) {
        timing({ result: 'failed' })
        throw error
      }
    },
    sessions: (store) => {
      const counted =
        <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          try {
            return await call(...args)
          } catch (error) {
            storeErrors.inc({ operation })
            throw error
          }
        }
      return {
        get: counted('get', (id: string) => store.get(id)),
        set: counted('set', (id, record) => store.set(id, record)),
        delete: counted('delete', (id: string) => store.delete(id)),
      }
    },
    resolver: (resolve) => async (body) => {
      const warm = typeof (body as { session?: unknown } | null)?.session === 'string'
      try {
        const answer = await resolve(body)
        if (warm) lookups.inc({ result: 'hit' })
        return answer
      } catch (error) {
        if (warm && error instanceof SessionError && error.code === 'SESSION_EXPIRED') lookups.inc({ result: 'miss' })
        throw error
      }
    },
  }
}

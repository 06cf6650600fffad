// autocannon ships no types and @types/autocannon is not installed: this
// declares only what the bench uses.
declare module 'autocannon' {
  interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
  }

  interface Options {
    url: string
    connections?: number
    amount?: number
    requests?: (Request & { setupRequest?(request: Request): Request })[]
  }

  interface Latency {
    p50: number
    p99: number
    max: number
  }

  interface Result {
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    latency: Latency
    requests: { total: number }
  }

  /** The run: awaitable for its result, and an emitter of its progress. */
  interface Instance extends PromiseLike<Result> {
    on(event: 'start' | 'response', listener: () => void): this
  }

  function autocannon(options: Options): Instance
  export = autocannon
}

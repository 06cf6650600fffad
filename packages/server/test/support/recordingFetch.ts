import type { FetchLike } from '@opengid/server'

export interface RecordedCall {
  method: string
  path: string
  query: Record<string, string>
  /** The parsed JSON body of a POST. */
  body?: unknown
}

/** Global fetch, recording each call it makes: what a WeChat client actually sent. */
export function recordingFetch(): { fetch: FetchLike; calls: RecordedCall[]; to(path: string): RecordedCall[] } {
  const calls: RecordedCall[] = []
  const recording: FetchLike = (url, init) => {
    const { pathname, searchParams } = new URL(url)
    calls.push({
      method: init.method,
      path: pathname,
      query: Object.fromEntries(searchParams),
      ...(init.body === undefined ? {} : { body: JSON.parse(init.body) }),
    })
    return fetch(url, init)
  }
  return { fetch: recording, calls, to: (path) => calls.filter((call) => call.path === path) }
}

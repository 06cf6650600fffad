import { fail, succeed, type Callbacks } from './callbacks'

export interface RequestOptions extends Callbacks<RequestSuccess> {
  url: string
  method?: string
  header?: Record<string, string>
  data?: unknown
  /** WeChat's default 'json' parses the body when it is JSON. */
  dataType?: string
}

export interface RequestSuccess {
  errMsg: 'request:ok'
  statusCode: number
  header: Record<string, string>
  data: unknown
}

export interface RequestTask {
  abort(): void
}

export interface HttpClient {
  request(options: RequestOptions): RequestTask
  /** Requests sent and not answered yet. */
  readonly inFlight: number
}

/**
 * wx.request over real HTTP. The build bakes its resolver URL in at build time
 * (OPENGID_RESOLVER_URL, config/index.ts), while the dev server listens on a
 * port picked at run time: so every URL keeps its path and query and gets
 * `serverUrl`'s origin. Once `closed` aborts, no callback reaches the app.
 */
export function createHttpClient(serverUrl: string, closed: AbortSignal): HttpClient {
  let inFlight = 0
  const request = (options: RequestOptions): RequestTask => {
    const task = new AbortController()
    const method = (options.method ?? 'GET').toUpperCase()
    const body =
      options.data === undefined || typeof options.data === 'string' ? options.data : JSON.stringify(options.data)
    inFlight += 1
    // Started inside the chain so that a bad URL reaches `fail`, as in WeChat, instead of throwing at the caller.
    Promise.resolve()
      .then(() =>
        fetch(onServer(options.url, serverUrl), {
          method,
          headers: options.header,
          body,
          signal: AbortSignal.any([task.signal, closed]),
        }),
      )
      .then(async (response) => {
        const text = await response.text()
        return {
          errMsg: 'request:ok' as const,
          statusCode: response.status,
          header: Object.fromEntries(response.headers),
          data: options.dataType === undefined || options.dataType === 'json' ? parseJsonOr(text) : text,
        }
      })
      .then(
        (result) => !closed.aborted && succeed(options, result),
        (error: Error) => !closed.aborted && fail(options, { errMsg: `request:fail ${error.message}` }),
      )
      // WeChat reports an exception thrown by the app's own callback; it does not crash.
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        inFlight -= 1
      })
    return { abort: () => task.abort() }
  }
  return {
    request,
    get inFlight() {
      return inFlight
    },
  }
}

/** The same path and query, on the server's origin. */
function onServer(url: string, serverUrl: string): string {
  const { pathname, search } = new URL(url)
  return new URL(pathname + search, serverUrl).href
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

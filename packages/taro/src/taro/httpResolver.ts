import { GroupEnterError } from '../core/GroupEnterError'
import { unreachable } from '../core/serverError'
import { codeSpent } from './loginTurns'
import { taroRequest } from './taroApis'
import { keepSession, prepareSession, refusal, type PreparedSession } from '../core/session'
import type { GroupEnterPayload, GroupResolver, ResolvedGroup } from '../core/types'

export interface HttpRequestOptions {
  url: string
  method: 'POST'
  header: Record<string, string>
  data: Record<string, unknown>
  dataType: 'json'
}

export interface HttpResponse {
  statusCode: number
  data: unknown
}

/** `Taro.request`'s shape: a promise of `{ statusCode, data }`, optionally abortable. */
export type HttpRequest = (options: HttpRequestOptions) => Promise<HttpResponse> & { abort?(): void }

export interface HttpResolverOptions {
  /** Your endpoint, e.g. the one `@opengid/server`'s handlers serve. */
  url: string
  header?: Record<string, string>
  /** Defaults to `Taro.request`. */
  request?: HttpRequest
  /** Log in first and send the `code` (default true). Set false when your server keeps its own session. */
  login?: boolean
}

/** With `login: false` nothing is sent: your `header` authenticates the user. */
type Prepared = PreparedSession | { credentials: Record<string, never>; storage?: undefined }

/**
 * POSTs `{ code | session, encryptedData, iv, cloudID?, source, allowSingleChat? }` as JSON to your server.
 * With a stored session that WeChat still vouches for there is no login; when the
 * server refuses that session (SESSION_EXPIRED, or a 400 for one it cannot read) the
 * kit forgets it and the attempt starts again from login.
 */
export function httpResolver(options: HttpResolverOptions): GroupResolver<Prepared> {
  const { url, header, login = true } = options
  return {
    prepare: ({ bridge }) => (login ? prepareSession(bridge) : Promise.resolve({ credentials: {} })),
    async resolve(payload: GroupEnterPayload, { prepared, signal, allowSingleChat }): Promise<ResolvedGroup> {
      const request = options.request ?? (taroRequest() as unknown as HttpRequest)
      if (signal.aborted) throw new GroupEnterError('RESOLVER', 'The attempt was abandoned before the request.')
      const task = request({
        url,
        method: 'POST',
        header: { 'content-type': 'application/json', ...header },
        data: { ...prepared.credentials, ...payload, ...(allowSingleChat && { allowSingleChat }) },
        dataType: 'json',
      })
      const abort = () => task.abort?.()
      signal.addEventListener('abort', abort)
      let response: HttpResponse
      try {
        response = await task
      } catch (failure) {
        throw unreachable(`Could not reach ${url}`, failure)
      } finally {
        signal.removeEventListener('abort', abort)
        codeSpent()
      }
      if (response.statusCode < 200 || response.statusCode > 299) throw refusal(url, response, prepared)
      keepSession(prepared, response.data)
      // The store checks the shape; a non-JSON body arrives here as a string and fails that check.
      return response.data as ResolvedGroup
    },
  }
}

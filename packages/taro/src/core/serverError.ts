import { GroupEnterError, errMsgOf } from './GroupEnterError'
import type { ErrorBody } from './wire'

const RETRYABLE_STATUS = [502, 503, 504]

/**
 * Reads an error body (`{ error: { code, message, errCode? } }`, see wire.ts) of
 * `@opengid/server`'s handlers or cloud function, field by field: it comes from the
 * network, so each field is taken only when it has its type.
 */
export function serverError(data: unknown): Partial<ErrorBody<string>['error']> | undefined {
  const error = (data as { error?: { code?: unknown; message?: unknown; errCode?: unknown } } | null)?.error
  if (!error || typeof error !== 'object') return undefined
  return {
    code: typeof error.code === 'string' ? error.code : undefined,
    message: typeof error.message === 'string' ? error.message : undefined,
    errCode: typeof error.errCode === 'number' ? error.errCode : undefined,
  }
}

/**
 * The error for a non-2xx answer, carrying the server's code; gateway failures and
 * overload are worth another attempt, a 4xx or a 500 bug is not. `stale` when the
 * answer refused the session the request sent (see core/session.ts).
 */
export function httpStatusError(
  url: string,
  { statusCode, data }: { statusCode: number; data: unknown },
  stale?: boolean,
): GroupEnterError {
  const server = serverError(data) ?? {}
  return new GroupEnterError('RESOLVER', server.message ?? `${url} answered HTTP ${statusCode}.`, {
    status: statusCode,
    serverCode: server.code,
    errCode: server.errCode,
    retryable: RETRYABLE_STATUS.indexOf(statusCode) !== -1,
    stale,
  })
}

/** A call that got no answer at all (no network, a cloud call that failed): worth another attempt. */
export function unreachable(what: string, failure: unknown): GroupEnterError {
  const errMsg = errMsgOf(failure)
  return new GroupEnterError('RESOLVER', `${what}: ${errMsg}`, { errMsg, retryable: true, cause: failure })
}

import { isRecord } from './isRecord'

/**
 * The system error code (ECONNREFUSED, ETIMEDOUT, ...) of an error or its cause,
 * or undefined. Only such a code is ever quoted from a foreign error: their
 * messages and fields can hold a URL with the AppSecret or a Redis command's
 * arguments.
 */
export function systemErrorCode(error: unknown): string | undefined {
  const cause = isRecord(error) && isRecord(error.cause) ? error.cause : error
  const code = isRecord(cause) ? cause.code : undefined
  return typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? code : undefined
}

export type GroupEnterErrorCode =
  'SCENE' | 'LEFT_GROUP' | 'UNSUPPORTED' | 'BRIDGE' | 'RESOLVER' | 'TIMEOUT' | 'INVALID_RESPONSE'

export interface GroupEnterErrorDetails {
  /** WeChat's errCode when there is one (40097, 65206, -601006, ...). */
  errCode?: number
  errMsg?: string
  /** HTTP status of a resolver's server answer. */
  status?: number
  /** The server's own error code from `{ error: { code } }`. */
  serverCode?: string
  /** True for failures worth another attempt: timeouts, no connection, 5xx. */
  retryable?: boolean
  cause?: unknown
}

/** Every failure the kit reports: `code` is for programs, `message` for people. */
export class GroupEnterError extends Error {
  readonly code: GroupEnterErrorCode
  readonly errCode?: number
  readonly errMsg?: string
  readonly status?: number
  readonly serverCode?: string
  readonly retryable: boolean
  readonly cause?: unknown

  constructor(code: GroupEnterErrorCode, message: string, details: GroupEnterErrorDetails = {}) {
    super(message)
    this.name = 'GroupEnterError'
    this.code = code
    this.errCode = details.errCode
    this.errMsg = details.errMsg
    this.status = details.status
    this.serverCode = details.serverCode
    this.retryable = details.retryable ?? code === 'TIMEOUT'
    this.cause = details.cause
    // Keeps `instanceof` working when compiled to ES5-style classes by a host toolchain.
    Object.setPrototypeOf(this, GroupEnterError.prototype)
  }
}

export function isGroupEnterError(value: unknown): value is GroupEnterError {
  return value instanceof GroupEnterError
}

/** The text of a WeChat-style failure (`{ errMsg }`), an Error, or anything else thrown. */
export function errMsgOf(failure: unknown): string {
  const errMsg = (failure as { errMsg?: unknown } | null)?.errMsg
  if (typeof errMsg === 'string') return errMsg
  return failure instanceof Error ? failure.message : String(failure)
}

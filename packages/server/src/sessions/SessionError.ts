import { instanceOfBrand } from '../shared/brand'

const SESSION_ERROR: unique symbol = Symbol.for('opengid.SessionError')

/**
 * SESSION_EXPIRED: the request named a session this server does not have (never made,
 * expired, evicted, or deleted because its key failed to decrypt). STORE_UNAVAILABLE:
 * the session store failed to answer.
 */
export type SessionErrorCode = 'SESSION_EXPIRED' | 'STORE_UNAVAILABLE'

/**
 * A failure of the warm path. The message never carries the session id, the
 * record or the store's own error (a Redis error can hold the command's arguments).
 */
export class SessionError extends Error {
  /** True for a SessionError of any copy of this package (CJS, ESM, another version). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return instanceOfBrand(this, SessionError, SESSION_ERROR, value)
  }

  readonly code: SessionErrorCode

  constructor(code: SessionErrorCode, message: string) {
    super(message)
    this.name = 'SessionError'
    this.code = code
  }

  get [SESSION_ERROR](): true {
    return true
  }
}

export function sessionExpired(): SessionError {
  return new SessionError(
    'SESSION_EXPIRED',
    'the session is unknown or has expired: log in again and send the new code',
  )
}

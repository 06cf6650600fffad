import type { HttpErrorCode } from './wire'

/** `@opengid/server`'s codes, named for autocompletion; a server of your own may send others. */
export type ServerErrorCode = HttpErrorCode | (string & Record<never, never>)

export type GroupEnterErrorCode =
  'SCENE' | 'LEFT_GROUP' | 'UNSUPPORTED' | 'BRIDGE' | 'RESOLVER' | 'TIMEOUT' | 'INVALID_RESPONSE'

export interface GroupEnterErrorDetails {
  /** WeChat's errCode when there is one (40097, 65206, -601006, ...). */
  errCode?: number
  errMsg?: string
  /** HTTP status of a resolver's server answer. */
  status?: number
  /** The server's own error code from `{ error: { code } }`. */
  serverCode?: ServerErrorCode
  /** True for failures worth another attempt: timeouts, no connection, 5xx. */
  retryable?: boolean
  /**
   * True when the attempt's input went stale (an expired cloudID, a session the server
   * refused): a fresh login and bridge call give fresh input, so the kit makes one more
   * attempt whatever `retry` says.
   */
  stale?: boolean
  cause?: unknown
}

// Registered, so every copy of the kit (its CJS and ESM builds, two bundled
// versions) marks its errors with the same symbol.
const GROUP_ENTER_ERROR: unique symbol = Symbol.for('opengid.GroupEnterError')

/** Every failure the kit reports: `code` is for programs, `message` for people. */
export class GroupEnterError extends Error {
  /**
   * True for a GroupEnterError of any copy of the kit: an app can load both
   * builds (the dual package hazard), and each defines its own class. A
   * subclass keeps the ordinary prototype-chain check.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== GroupEnterError) return Function.prototype[Symbol.hasInstance].call(this, value)
    return (
      typeof value === 'object' && value !== null && (value as { [key: symbol]: unknown })[GROUP_ENTER_ERROR] === true
    )
  }

  // Set by the constructor from `details` in one go.
  readonly code!: GroupEnterErrorCode
  readonly errCode?: number
  readonly errMsg?: string
  readonly status?: number
  readonly serverCode?: ServerErrorCode
  readonly retryable!: boolean
  readonly stale?: boolean
  readonly cause?: unknown

  constructor(code: GroupEnterErrorCode, message: string, details: GroupEnterErrorDetails = {}) {
    super(message)
    this.name = 'GroupEnterError'
    Object.assign(this, details, { code, retryable: details.retryable || code === 'TIMEOUT' })
    // Keeps the prototype (and so the brand below) when a host toolchain compiles
    // classes to ES5, where extending Error loses it; new.target keeps a subclass's.
    Object.setPrototypeOf(this, new.target.prototype)
  }

  get [GROUP_ENTER_ERROR](): true {
    return true
  }
}

export function isGroupEnterError(value: unknown): value is GroupEnterError {
  return value instanceof GroupEnterError
}

/** The text of a WeChat-style failure (`{ errMsg }`), an Error, or anything else thrown. */
export function errMsgOf(failure: unknown): string {
  const errMsg = failure && (failure as { errMsg?: unknown }).errMsg
  return typeof errMsg === 'string' ? errMsg : failure instanceof Error ? failure.message : String(failure)
}

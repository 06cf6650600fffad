import { instanceOfBrand } from './brand'

const OPEN_DATA_ERROR: unique symbol = Symbol.for('opengid.OpenDataError')
const WECHAT_API_ERROR: unique symbol = Symbol.for('opengid.WeChatApiError')

/** Why open data could not be turned into a result. Stable: programs branch on it. */
export type OpenDataErrorCode =
  'BAD_INPUT' | 'BAD_KEY' | 'DECRYPT' | 'NOT_JSON' | 'APPID_MISMATCH' | 'EXPIRED' | 'NO_GROUP'

/**
 * A failure to read WeChat open data. Messages name the field at fault but
 * never carry the session key or the decrypted plaintext.
 */
export class OpenDataError extends Error {
  /** True for an OpenDataError of any copy of this package (CJS, ESM, another version). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return instanceOfBrand(this, OpenDataError, OPEN_DATA_ERROR, value)
  }

  readonly code: OpenDataErrorCode
  /** WeChat's own errCode when WeChat reported the failure (a cloudID's -601006 "cloudID expired."). */
  readonly errCode?: number

  constructor(code: OpenDataErrorCode, message: string, errCode?: number) {
    super(message)
    this.name = 'OpenDataError'
    this.code = code
    if (errCode !== undefined) this.errCode = errCode
  }

  get [OPEN_DATA_ERROR](): true {
    return true
  }
}

/** Malformed client input. The dev server's fake endpoints use it too, so they answer like the real one. */
export function badInput(message: string): OpenDataError {
  return new OpenDataError('BAD_INPUT', message)
}

/**
 * errcode of a WeChatApiError when WeChat could not be asked at all: network
 * failure, timeout, or an answer that is not a code2Session answer. WeChat's
 * own codes are positive or -1, so this one cannot be mistaken for them.
 */
export const WECHAT_UNREACHABLE = -2

/** An error answer from a WeChat server API, or WECHAT_UNREACHABLE. */
export class WeChatApiError extends Error {
  /** True for a WeChatApiError of any copy of this package (CJS, ESM, another version). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return instanceOfBrand(this, WeChatApiError, WECHAT_API_ERROR, value)
  }

  readonly errcode: number
  readonly errmsg: string

  constructor(errcode: number, errmsg: string) {
    super(`WeChat API error ${errcode}: ${errmsg}`)
    this.name = 'WeChatApiError'
    this.errcode = errcode
    this.errmsg = errmsg
  }

  get [WECHAT_API_ERROR](): true {
    return true
  }
}

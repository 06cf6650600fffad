import { instanceOfBrand } from '../shared/brand'

const WECHAT_API_ERROR: unique symbol = Symbol.for('opengid.WeChatApiError')

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

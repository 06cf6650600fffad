import { GroupEnterError, errMsgOf } from './GroupEnterError'

/** getGroupEnterInfo's documented failures. */
export const SCENE_ERROR = 40097
export const LEFT_GROUP_ERROR = 65206

interface WeChatFailure {
  errCode?: unknown
  errno?: unknown
}

/** WeChat's code on a failure object: `errCode`, or `errno` on newer base libraries. */
export function errCodeOf(failure: unknown): number | undefined {
  const f = (failure && typeof failure === 'object' ? failure : {}) as WeChatFailure
  const raw = f.errCode ?? f.errno
  return typeof raw === 'number' ? raw : undefined
}

/** Taro's H5 stubs answer '暂时不支持 API'; other hosts say "not support". */
const NOT_SUPPORTED = /暂时不支持|not support|not exist|is not a function/i

/**
 * The kit's error for a WeChat-style failure of any bridge, the Taro one or a custom
 * one: the core does this, so every bridge gets the same codes. `errCode` and
 * `errMsg` are kept. With `lacking`, a failure whose message matches it says the host
 * has no such API: UNSUPPORTED.
 */
export function fromWeChatFailure(failure: unknown, api: string, lacking?: RegExp): GroupEnterError {
  const errMsg = errMsgOf(failure)
  const errCode = errCodeOf(failure)
  const details = { errCode, errMsg, cause: failure }
  if (lacking && lacking.test(errMsg)) {
    return new GroupEnterError('UNSUPPORTED', `${api} is not available on this host.`, details)
  }
  if (errCode === SCENE_ERROR || /invalid scene/i.test(errMsg)) {
    return new GroupEnterError('SCENE', 'This launch scene carries no group info.', details)
  }
  if (errCode === LEFT_GROUP_ERROR) {
    return new GroupEnterError('LEFT_GROUP', 'The user has left this group.', details)
  }
  return new GroupEnterError('BRIDGE', `${api} failed: ${errMsg}`, details)
}

/** A bridge's failure: an API the host lacks is UNSUPPORTED, anything else as fromWeChatFailure says. */
export const toBridgeError = (result: unknown, api: string): GroupEnterError =>
  fromWeChatFailure(result, api, NOT_SUPPORTED)

/** Taro.request's own failure (no answer at all): `{ errMsg: 'request:fail ...' }`. */
export const isRequestFailure = (failure: unknown): boolean => /^request:fail/.test(errMsgOf(failure))

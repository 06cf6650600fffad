import { callWithCallbacks, hostApi, invoke, isWeChat, type CallbackApi, type TaroApiName } from './taroApis'
import { isText } from '../core/plan'
import { GroupEnterError } from '../core/GroupEnterError'
import { toBridgeError } from '../core/wechatFailure'
import { appLoginInTurn, kitLogin } from './loginTurns'
import type { BridgeStorage, EnterOptions, GroupBridge, GroupEnterPayload, GroupEnterSource } from '../core/types'

interface WeChatResult {
  errMsg?: string
  encryptedData?: string
  iv?: string
  cloudID?: string
  code?: string
}

function toPayload(result: WeChatResult | undefined, source: GroupEnterSource): GroupEnterPayload {
  // Taro's H5 production stub calls `success` with only an errMsg: that is no group info.
  if (!result || !isText(result.encryptedData) || !isText(result.iv)) {
    throw new GroupEnterError('UNSUPPORTED', `${source} gave no group data on this host.`, {
      errMsg: result && result.errMsg,
    })
  }
  const payload: GroupEnterPayload = { encryptedData: result.encryptedData, iv: result.iv, source }
  if (isText(result.cloudID)) payload.cloudID = result.cloudID
  return payload
}

/**
 * Calls a host API with callbacks; a missing API or a failure becomes the kit's error.
 * The chat tool's wrappers pass their API as `fn`, null when the host lacks it.
 */
export function call<T = WeChatResult>(
  api: string,
  options: Record<string, unknown>,
  fn: CallbackApi | null | undefined = hostApi(api as TaroApiName),
): Promise<T> {
  if (!fn) return Promise.reject(toBridgeError({ errMsg: 'not exist' }, api))
  return callWithCallbacks<T>(fn, options).catch((failure: unknown) => {
    throw toBridgeError(failure, api)
  })
}

const groupCall = (api: GroupEnterSource, options: Record<string, unknown>): Promise<GroupEnterPayload> =>
  call(api, options).then((result) => toPayload(result, api))

/** Inside the chat tool: the chat's data as the bridge gives it (the public `getChatToolInfo` drops `source`). */
export const chatToolPayload = (): Promise<GroupEnterPayload> => groupCall('getChatToolInfo', {})

const wxLogin = () =>
  call('login', {}).then((r) => {
    // Taro H5's production stub "succeeds" without a code, like the group APIs.
    if (!isText(r.code)) throw toBridgeError({ errMsg: r.errMsg || 'login answered without a code' }, 'login')
    return { code: r.code }
  })

/**
 * wx.login for the app's own sign-in, in turn with the kit's logins: it never lands
 * between the kit's login and the server's exchange of its code, where a rotated key
 * would cost the kit its data (see loginTurns.ts). Use it instead of `Taro.login` when the app logs in too. Resolves with the
 * code (one use, for your server's code2Session).
 */
export const login = (): Promise<string> => appLoginInTurn(wxLogin, 3000).then((r) => r.code)

/** The first of these sync APIs that answers with a non-empty `key` (or at all, without one). */
function firstAnswer(apis: TaroApiName[], key?: string): unknown {
  for (const api of apis) {
    const answer = invoke(api) as Record<string, unknown> | undefined
    const value = answer && key ? answer[key] : answer
    if (value) return value
  }
  return undefined
}

/** Subscribes a listener to an app event; the returned function unsubscribes exactly that listener. */
function listen(on: TaroApiName, off: TaroApiName, listener: (value: never) => void): () => void {
  invoke(on, listener)
  return () => void invoke(off, listener)
}

/**
 * Taro's sync storage. A host without it, or one that throws (storage full, H5 in a
 * private window), keeps nothing: the next launch then logs in, which always works.
 */
const storage: BridgeStorage = {
  get(key) {
    const value = invoke('getStorageSync', key)
    return isText(value) ? value : undefined
  },
  set: (key, value) => void invoke('setStorageSync', key, value),
  remove: (key) => void invoke('removeStorageSync', key),
}

/** The real bridge, over `@tarojs/taro` as the host provides it. */
export function taroBridge(): GroupBridge {
  // null until read: undefined is an answer too (a host that reports no version).
  let sdk: unknown = null
  return {
    // getEnterOptionsSync needs base library 2.9.4; older ones fall back to launch options.
    getEnterOptions: () => firstAnswer(['getEnterOptionsSync', 'getLaunchOptionsSync']) as EnterOptions | undefined,
    onAppShow: (cb) => listen('onAppShow', 'offAppShow', cb),
    onAppHide: (cb) => listen('onAppHide', 'offAppHide', cb),
    storage,
    sdkVersion() {
      // The base library cannot change while the app runs. Some hosts throw instead of lacking the API.
      if (sdk === null) sdk = firstAnswer(['getAppBaseInfo', 'getSystemInfoSync'], 'SDKVersion')
      return sdk as string | undefined
    },
    // Only WeChat's count: Taro H5 defines the group APIs as stubs that cannot work, and
    // alipay, tt, swan, jd, qq and harmony have none that gives WeChat group data.
    has: (api) => !!hostApi(api) && isWeChat(),
    getGroupEnterInfo(options) {
      const passThrough: Record<string, unknown> = {}
      if (options.allowSingleChat) passThrough.allowSingleChat = true
      if (options.needGroupOpenID) passThrough.needGroupOpenID = true
      return groupCall('getGroupEnterInfo', passThrough)
    },
    getShareInfo: (shareTicket) => groupCall('getShareInfo', { shareTicket }),
    getChatToolInfo: chatToolPayload,
    login: () => kitLogin(wxLogin),
  }
}

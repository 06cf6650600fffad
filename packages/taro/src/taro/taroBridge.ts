import { callWithCallbacks, hostApi, hostEnv, invoke, type CallbackApi, type TaroApiName } from './taroApis'
import { isText } from '../core/plan'
import { GroupEnterError } from '../core/GroupEnterError'
import { toBridgeError } from '../core/wechatFailure'
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

/** Inside the chat tool: the chat's data as the bridge gives it (the public `getChatToolInfo` drops `source`). */
export const chatToolPayload = (): Promise<GroupEnterPayload> =>
  call('getChatToolInfo', {}).then((r) => toPayload(r, 'getChatToolInfo'))

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
  let sdk: string | undefined
  let sdkRead = false
  return {
    // getEnterOptionsSync needs base library 2.9.4; older ones fall back to launch options.
    getEnterOptions: () => firstAnswer(['getEnterOptionsSync', 'getLaunchOptionsSync']) as EnterOptions | undefined,
    onAppShow: (cb) => listen('onAppShow', 'offAppShow', cb),
    onAppHide: (cb) => listen('onAppHide', 'offAppHide', () => cb()),
    checkSession: () =>
      call('checkSession', {}).then(
        () => true,
        () => false,
      ),
    storage,
    sdkVersion() {
      // The base library cannot change while the app runs. Some hosts throw instead of lacking the API.
      if (!sdkRead) sdk = firstAnswer(['getAppBaseInfo', 'getSystemInfoSync'], 'SDKVersion') as string | undefined
      sdkRead = true
      return sdk
    },
    // Taro H5 defines the group APIs as stubs that cannot work: they do not count.
    has: (api) => !!hostApi(api) && hostEnv() !== 'WEB',
    getGroupEnterInfo(options) {
      const passThrough: Record<string, unknown> = {}
      if (options.allowSingleChat) passThrough.allowSingleChat = true
      if (options.needGroupOpenID) passThrough.needGroupOpenID = true
      return call('getGroupEnterInfo', passThrough).then((r) => toPayload(r, 'getGroupEnterInfo'))
    },
    getShareInfo(shareTicket) {
      return call('getShareInfo', { shareTicket }).then((r) => toPayload(r, 'getShareInfo'))
    },
    getChatToolInfo: chatToolPayload,
    login() {
      return call('login', {}).then((r) => {
        // Taro H5's production stub "succeeds" without a code, like the group APIs.
        if (!isText(r.code)) throw toBridgeError({ errMsg: r.errMsg || 'login answered without a code' }, 'login')
        return { code: r.code }
      })
    },
  }
}

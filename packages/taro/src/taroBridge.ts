import { callWithCallbacks, hostEnv, taroApis, type TaroApiName } from './taroApis'
import { GroupEnterError, errMsgOf } from './GroupEnterError'
import { errCodeOf, fromWeChatFailure } from './wechatFailure'
import type { BridgeStorage, EnterOptions, GroupBridge, GroupEnterPayload, GroupEnterSource } from './types'

interface WeChatResult {
  errMsg?: string
  encryptedData?: string
  iv?: string
  cloudID?: string
  code?: string
}

/** Taro's H5 stubs answer '暂时不支持 API'; other hosts say "not support". */
const NOT_SUPPORTED = /暂时不支持|not support|not exist|is not a function/i

function toPayload(result: WeChatResult | undefined, source: GroupEnterSource): GroupEnterPayload {
  // Taro's H5 production stub calls `success` with only an errMsg: that is no group info.
  if (
    !result ||
    typeof result.encryptedData !== 'string' ||
    !result.encryptedData ||
    typeof result.iv !== 'string' ||
    !result.iv
  ) {
    throw new GroupEnterError(
      'UNSUPPORTED',
      `${source} answered without encryptedData: this host cannot give group info.`,
      {
        errMsg: result?.errMsg,
      },
    )
  }
  const payload: GroupEnterPayload = { encryptedData: result.encryptedData, iv: result.iv, source }
  if (typeof result.cloudID === 'string' && result.cloudID) payload.cloudID = result.cloudID
  return payload
}

export function toBridgeError(result: unknown, api: string): GroupEnterError {
  const errMsg = errMsgOf(result)
  if (NOT_SUPPORTED.test(errMsg)) {
    return new GroupEnterError('UNSUPPORTED', `${api} is not supported on this host.`, {
      errCode: errCodeOf(result),
      errMsg,
      cause: result,
    })
  }
  return fromWeChatFailure(result, api)
}

function call(api: TaroApiName, options: Record<string, unknown>): Promise<WeChatResult> {
  const fn = taroApis[api]()
  if (!fn) return Promise.reject(new GroupEnterError('UNSUPPORTED', `${api} does not exist on this host.`))
  return callWithCallbacks<WeChatResult>(fn, options).catch((failure: unknown) => {
    throw toBridgeError(failure, api)
  })
}

function readSdkVersion(): string | undefined {
  for (const api of ['getAppBaseInfo', 'getSystemInfoSync'] as const) {
    try {
      const version = (taroApis[api]()?.({}) as { SDKVersion?: unknown } | undefined)?.SDKVersion
      if (typeof version === 'string' && version) return version
    } catch {
      // Some hosts throw instead of lacking the API; the next one may still answer.
    }
  }
  return undefined
}

/** Subscribes a listener to an app event; the returned function unsubscribes exactly that listener. */
function listen<T>(on: TaroApiName, off: TaroApiName, cb: (value: T) => void): () => void {
  const listener = (value: T) => cb(value)
  taroApis[on]()?.(listener)
  return () => {
    taroApis[off]()?.(listener)
  }
}

/**
 * Taro's sync storage. A host without it, or one that throws (storage full, H5 in a
 * private window), keeps nothing: the next launch then logs in, which always works.
 */
const storage: BridgeStorage = {
  get(key) {
    try {
      const value = taroApis.getStorageSync()?.(key)
      return typeof value === 'string' && value ? value : undefined
    } catch {
      return undefined
    }
  },
  set(key, value) {
    try {
      taroApis.setStorageSync()?.(key, value)
    } catch {
      // See above: nothing kept.
    }
  },
  remove(key) {
    try {
      taroApis.removeStorageSync()?.(key)
    } catch {
      // See above.
    }
  },
}

/** The real bridge, over `@tarojs/taro` as the host provides it. */
export function taroBridge(): GroupBridge {
  let sdk: { version: string | undefined } | undefined
  return {
    getEnterOptions() {
      for (const api of ['getEnterOptionsSync', 'getLaunchOptionsSync'] as const) {
        try {
          const options = taroApis[api]()?.({}) as EnterOptions | undefined
          if (options) return options
        } catch {
          // getEnterOptionsSync needs base library 2.9.4; older ones fall back to launch options.
        }
      }
      return undefined
    },
    onAppShow: (cb) => listen('onAppShow', 'offAppShow', cb),
    onAppHide: (cb) => listen('onAppHide', 'offAppHide', () => cb()),
    checkSession: () =>
      call('checkSession', {}).then(
        () => true,
        () => false,
      ),
    storage,
    sdkVersion() {
      // The base library cannot change while the app runs.
      if (!sdk) sdk = { version: readSdkVersion() }
      return sdk.version
    },
    // Taro H5 defines the group APIs as stubs that cannot work: they do not count.
    has: (api) => taroApis[api]() !== undefined && hostEnv() !== 'WEB',
    getGroupEnterInfo(options) {
      const passThrough: Record<string, unknown> = {}
      if (options.allowSingleChat) passThrough.allowSingleChat = true
      if (options.needGroupOpenID) passThrough.needGroupOpenID = true
      return call('getGroupEnterInfo', passThrough).then((r) => toPayload(r, 'getGroupEnterInfo'))
    },
    getShareInfo(shareTicket) {
      return call('getShareInfo', { shareTicket }).then((r) => toPayload(r, 'getShareInfo'))
    },
    login() {
      return call('login', {}).then((r) => {
        // Taro H5's production stub "succeeds" without a code, like the group APIs.
        if (typeof r.code !== 'string' || !r.code)
          throw toBridgeError({ errMsg: r.errMsg ?? 'login answered without a code' }, 'login')
        return { code: r.code }
      })
    },
  }
}

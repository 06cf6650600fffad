import Taro from '@tarojs/taro'
import { GroupEnterError } from '../core/GroupEnterError'

/** Any host API: callback-style ones take an options object, sync ones their own arguments. */
export type CallbackApi = (...args: unknown[]) => unknown

/**
 * Every Taro API the kit touches, each read as a plain `Taro.name` member, lazily (an
 * API the host lacks is `undefined`). This is the only module that imports Taro, and
 * it never reads `Taro[name]` or passes `Taro` around: Taro's H5 babel preset rewrites
 * `Taro.x` into named imports and drops the default import, so any other use of
 * `Taro` in the app's H5 build throws `ReferenceError: Taro is not defined`. One
 * import per module also keeps bundlers from emitting a second `import Taro2`, which
 * that preset deletes as a duplicate.
 */
const members = {
  getEnterOptionsSync: () => Taro.getEnterOptionsSync,
  getLaunchOptionsSync: () => Taro.getLaunchOptionsSync,
  onAppShow: () => Taro.onAppShow,
  offAppShow: () => Taro.offAppShow,
  onAppHide: () => Taro.onAppHide,
  offAppHide: () => Taro.offAppHide,
  getStorageSync: () => Taro.getStorageSync,
  setStorageSync: () => Taro.setStorageSync,
  removeStorageSync: () => Taro.removeStorageSync,
  getAppBaseInfo: () => Taro.getAppBaseInfo,
  getSystemInfoSync: () => Taro.getSystemInfoSync,
  getGroupEnterInfo: () => Taro.getGroupEnterInfo,
  getShareInfo: () => Taro.getShareInfo,
  // Read in the chat tool, where the kit resolves through it (see taroBridge).
  getChatToolInfo: () => (Taro as ChatToolHost).getChatToolInfo,
  login: () => Taro.login,
  getEnv: () => Taro.getEnv,
}

export type TaroApiName = keyof typeof members

/** A member read as an API: a function, or undefined where the host has none. */
const asApi = (fn: unknown): CallbackApi | undefined => (typeof fn === 'function' ? (fn as CallbackApi) : undefined)

/** WeChat's chat tool APIs (base library 3.7.8+), which Taro 4.2's types do not have. */
interface ChatToolHost {
  openChatTool?: unknown
  getChatToolInfo?: unknown
  selectGroupMembers?: unknown
  notifyGroupMembers?: unknown
  shareAppMessageToGroup?: unknown
}

/**
 * The chat tool's other APIs, read like `members` (plain `Taro.name` reads for the H5
 * transform), in a table of their own: an app that never calls them ships none of this.
 */
const chatToolMembers = {
  openChatTool: () => (Taro as ChatToolHost).openChatTool,
  selectGroupMembers: () => (Taro as ChatToolHost).selectGroupMembers,
  notifyGroupMembers: () => (Taro as ChatToolHost).notifyGroupMembers,
  shareAppMessageToGroup: () => (Taro as ChatToolHost).shareAppMessageToGroup,
}

export type ChatToolApiName = keyof typeof chatToolMembers

/** A chat tool API as the host has it now, or undefined (any host but weapp, or a base library below 3.7.8). */
export const chatToolApi = (name: ChatToolApiName): CallbackApi | undefined => asApi(chatToolMembers[name]())

/** The API as the host has it now, or undefined. */
export const hostApi = (name: TaroApiName): CallbackApi | undefined => asApi(members[name]())

/** Calls the API when the host has it; undefined otherwise, and whatever it throws, for sync APIs that may. */
export function invoke(name: TaroApiName, ...args: unknown[]): unknown {
  try {
    const fn = hostApi(name)
    return fn && fn(...args)
  } catch {
    return undefined
  }
}

/**
 * `Taro.request`, or the typed reason this host has none. Read here, not in `members`
 * (whose every entry every app ships): only an app with httpResolver needs it.
 */
export function taroRequest(): CallbackApi {
  const request = asApi(Taro.request)
  if (!request) throw new GroupEnterError('UNSUPPORTED', 'Taro.request is not available on this host.')
  return request
}

/** `Taro.cloud` (weapp with cloud development), read where it is used. */
export const taroCloud = (): unknown => Taro.cloud

/** Taro's name for the host: 'WEAPP', 'QQ', 'WEB', 'TT', ... */
export const hostEnv = (): string => String(invoke('getEnv') || '')

/**
 * Whether this is a WeChat mini program: the only host whose group APIs give data the
 * server can resolve. Elsewhere an API of the same name may exist (QQ's getShareInfo,
 * decrypted with QQ's keys; Taro H5's stubs) and is never called.
 */
export const isWeChat = (): boolean => hostEnv() === 'WEAPP'

/** Only these hosts draw the group name through open data. */
const OPEN_DATA_HOSTS = ['WEAPP', 'QQ']

/** Whether this host draws `<open-data type="groupName">`. */
export const hasOpenData = (): boolean => OPEN_DATA_HOSTS.indexOf(hostEnv()) !== -1

/**
 * Calls a WeChat-style API with callbacks, which works whether or not Taro promisified
 * it. The promise Taro may return also rejects on failure; the callbacks already carry
 * the outcome, so that promise is silenced rather than left as an unhandled rejection.
 */
export function callWithCallbacks<T>(fn: CallbackApi, options: Record<string, unknown>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const returned = fn(Object.assign({}, options, { success: resolve, fail: reject })) as
      PromiseLike<unknown> | undefined
    if (returned && typeof returned.then === 'function') returned.then(undefined, () => undefined)
  })
}

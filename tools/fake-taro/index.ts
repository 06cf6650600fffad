import { answer, defaultHostConfig, type CallbackOptions, type HostConfig } from './host'

/**
 * A stand-in for `@tarojs/taro` in jest. `setMode` picks how the host behaves:
 * - 'weapp':   APIs present and promisified as Taro's processApis does (callbacks still called, the promise rejects on fail)
 * - 'h5-dev':  group APIs and login are Taro H5's development stubs: `fail` with '暂时不支持 API'
 * - 'h5-prod': the production stubs: `success` with `{ errMsg: '暂时不支持 API' }` and no data
 * - 'missing': a platform without the group APIs: they are undefined on Taro
 */
export type FakeMode = 'weapp' | 'h5-dev' | 'h5-prod' | 'missing'

type Fn = (options?: CallbackOptions) => unknown

/** Taro's build targets (`process.env.TARO_ENV`) and what `Taro.getEnv()` answers on each. */
export const TARO_ENVS = {
  weapp: 'WEAPP',
  h5: 'WEB',
  alipay: 'ALIPAY',
  tt: 'TT',
  swan: 'SWAN',
  jd: 'JD',
  qq: 'QQ',
  harmony: 'HARMONY',
} as const
export type TaroEnv = keyof typeof TARO_ENVS

const STUBBED = ['getGroupEnterInfo', 'getShareInfo', 'login'] as const
const NOT_SUPPORTED = '暂时不支持 API'

const Taro: Record<string, unknown> = {}
let host: HostConfig = defaultHostConfig()
let mode: FakeMode = 'weapp'
/** Set by setPlatform: Taro built for another target, with the group APIs all there. */
let platform: TaroEnv | undefined
/** process.env, loosely typed: the repository types TARO_ENV as the demo's own targets. */
const env = process.env as Record<string, string | undefined>
const originalTaroEnv = env.TARO_ENV
const showListeners = new Set<(options: unknown) => void>()
const hideListeners = new Set<() => void>()
/** wx's storage for this test: what getStorageSync and friends read and write. */
export const storage = new Map<string, unknown>()

/** Every host API call the kit made, by name. */
export const calls: { api: string; options: Record<string, unknown> }[] = []

function record(api: string, options: CallbackOptions = {}) {
  const { success, fail, complete, ...rest } = options
  void success
  void fail
  void complete
  calls.push({ api, options: rest })
}

/** Taro's weapp promisification: a promise that settles with the callbacks. */
function promisified(api: (typeof STUBBED)[number]): Fn {
  return (options = {}) => {
    record(api, options)
    return new Promise((resolve, reject) => {
      answer(host[api], {
        ...options,
        success: (r) => {
          options.success?.(r)
          resolve(r)
        },
        fail: (r) => {
          options.fail?.(r)
          reject(r)
        },
      })
    })
  }
}

/** Taro H5's `temporarilyNotSupport`, in development or production flavour: it settles synchronously. */
function h5Stub(api: string, production: boolean): Fn {
  return (options = {}) => {
    record(api, options)
    if (production) {
      const result = { errMsg: NOT_SUPPORTED }
      options.success?.(result)
      options.complete?.(result)
      return Promise.resolve(result)
    }
    const result = { errMsg: `${api}:fail ${NOT_SUPPORTED}` }
    options.fail?.(result)
    options.complete?.(result)
    const handled = typeof options.fail === 'function' || typeof options.complete === 'function'
    return handled ? Promise.resolve(result) : Promise.reject(result)
  }
}

/** A callback API Taro does not promisify (the chat tool's): it answers through the callbacks only. */
function callbackOnly(api: 'getChatToolInfo'): Fn | undefined {
  const result = host[api]
  if (mode !== 'weapp' || !result) return undefined
  return (options = {}) => {
    record(api, options)
    answer(result, options)
  }
}

function install() {
  for (const api of STUBBED) {
    if (mode === 'weapp' || (mode === 'missing' && api === 'login')) Taro[api] = promisified(api)
    else if (mode === 'missing') Taro[api] = undefined
    else Taro[api] = h5Stub(api, mode === 'h5-prod')
  }
  const web = mode === 'h5-dev' || mode === 'h5-prod'
  Taro.getEnv = () => (platform ? TARO_ENVS[platform] : web ? 'WEB' : mode === 'missing' ? 'TT' : 'WEAPP')
  Taro.getEnterOptionsSync = () => (web ? host.webEnterOptions : host.enterOptions)
  Taro.getLaunchOptionsSync = Taro.getEnterOptionsSync
  Taro.getSystemInfoSync = () => ({ SDKVersion: web ? undefined : host.sdkVersion })
  Taro.onAppShow = (cb: (options: unknown) => void) => void showListeners.add(cb)
  Taro.offAppShow = (cb: (options: unknown) => void) => void showListeners.delete(cb)
  Taro.onAppHide = (cb: () => void) => void hideListeners.add(cb)
  Taro.offAppHide = (cb: () => void) => void hideListeners.delete(cb)
  // Taro's getStorageSync answers '' for a key it does not have.
  Taro.getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '')
  Taro.setStorageSync = (key: string, value: unknown) => void storage.set(key, value)
  Taro.removeStorageSync = (key: string) => void storage.delete(key)
  Taro.getChatToolInfo = callbackOnly('getChatToolInfo')
  Taro.request = (options: Record<string, unknown>) => {
    record('request', options)
    return host.request(options)
  }
}

export function setMode(next: FakeMode): void {
  mode = next
  platform = undefined
  install()
}

/**
 * Taro built for another target (`TARO_ENV`): `getEnv()` and `process.env.TARO_ENV` name
 * it, and every API answers as on weapp, with group data. The worst case for the kit: a
 * host with APIs of WeChat's names (QQ has getShareInfo) that it must still never call.
 */
export function setPlatform(target: TaroEnv): void {
  setMode('weapp')
  platform = target
  env.TARO_ENV = target
}

/** Changes what the host answers; unspecified parts keep their values. */
export function configureHost(patch: Partial<HostConfig>): void {
  host = { ...host, ...patch }
  if ('getChatToolInfo' in patch) Taro.getChatToolInfo = callbackOnly('getChatToolInfo')
}

/**
 * WeChat's openChatTool on the host (weapp, base library 3.7.8+): it succeeds on a
 * later tick, and the returned list gets the options of each call.
 */
export function installOpenChatTool(): Record<string, unknown>[] {
  const opened: Record<string, unknown>[] = []
  Taro.openChatTool = ({ success, fail, complete, ...options }: CallbackOptions) => {
    void fail
    void complete
    opened.push(options)
    setTimeout(() => success?.({ errMsg: 'openChatTool:ok' }), 0)
  }
  return opened
}

/** The app goes to the background, as `wx.onAppHide` listeners see it. */
export function emitAppHide(): void {
  hideListeners.forEach((listener) => listener())
}

/** The app is shown again with these options, as `wx.onAppShow` listeners see it. */
export function emitAppShow(options: Record<string, unknown>): void {
  host = { ...host, enterOptions: options }
  showListeners.forEach((listener) => listener(options))
}

export function appShowListenerCount(): number {
  return showListeners.size
}

export function resetFakeTaro(): void {
  host = defaultHostConfig()
  calls.length = 0
  showListeners.clear()
  hideListeners.clear()
  storage.clear()
  delete Taro.cloud
  delete Taro.openChatTool
  setMode('weapp')
  if (originalTaroEnv === undefined) delete env.TARO_ENV
  else env.TARO_ENV = originalTaroEnv
}

resetFakeTaro()

export default Taro

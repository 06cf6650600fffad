import Taro from '@tarojs/taro'

/** Any host API: callback-style ones take an options object, sync ones their own arguments. */
export type CallbackApi = (...args: unknown[]) => unknown

const callable = (value: unknown): CallbackApi | undefined =>
  typeof value === 'function' ? (value as CallbackApi) : undefined

/**
 * Every Taro API the kit touches, each read as a plain `Taro.name` member, lazily (an
 * API the host lacks is `undefined`). This is the only module that imports Taro, and
 * it never reads `Taro[name]` or passes `Taro` around: Taro's H5 babel preset rewrites
 * `Taro.x` into named imports and drops the default import, so any other use of
 * `Taro` in the app's H5 build throws `ReferenceError: Taro is not defined`. One
 * import per module also keeps bundlers from emitting a second `import Taro2`, which
 * that preset deletes as a duplicate.
 */
export const taroApis = {
  getEnterOptionsSync: () => callable(Taro.getEnterOptionsSync),
  getLaunchOptionsSync: () => callable(Taro.getLaunchOptionsSync),
  onAppShow: () => callable(Taro.onAppShow),
  offAppShow: () => callable(Taro.offAppShow),
  onAppHide: () => callable(Taro.onAppHide),
  offAppHide: () => callable(Taro.offAppHide),
  checkSession: () => callable(Taro.checkSession),
  getStorageSync: () => callable(Taro.getStorageSync),
  setStorageSync: () => callable(Taro.setStorageSync),
  removeStorageSync: () => callable(Taro.removeStorageSync),
  getAppBaseInfo: () => callable(Taro.getAppBaseInfo),
  getSystemInfoSync: () => callable(Taro.getSystemInfoSync),
  getGroupEnterInfo: () => callable(Taro.getGroupEnterInfo),
  getShareInfo: () => callable(Taro.getShareInfo),
  login: () => callable(Taro.login),
  request: () => callable(Taro.request),
  cloud: (): unknown => Taro.cloud,
}

export type TaroApiName = Exclude<keyof typeof taroApis, 'cloud'>

/** Taro's name for the host: 'WEAPP', 'QQ', 'WEB', 'TT', ... */
export function hostEnv(): string {
  const getEnv = callable(Taro.getEnv)
  return getEnv ? String(getEnv()) : ''
}

/**
 * Calls a WeChat-style API with callbacks, which works whether or not Taro promisified
 * it. The promise Taro may return also rejects on failure; the callbacks already carry
 * the outcome, so that promise is silenced rather than left as an unhandled rejection.
 */
export function callWithCallbacks<T>(fn: CallbackApi, options: Record<string, unknown>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const returned = fn({ ...options, success: resolve, fail: reject }) as PromiseLike<unknown> | undefined
    if (returned && typeof returned.then === 'function') returned.then(undefined, () => undefined)
  })
}

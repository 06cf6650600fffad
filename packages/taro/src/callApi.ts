import Taro from '@tarojs/taro'

type CallbackApi = (options: Record<string, unknown>) => unknown

/** The API as the host exposes it on `Taro`, or undefined where the host lacks it. */
export function taroApi(name: string): CallbackApi | undefined {
  const fn = (Taro as unknown as Record<string, unknown>)[name]
  return typeof fn === 'function' ? (fn as CallbackApi) : undefined
}

/** Taro's name for the host: 'WEAPP', 'QQ', 'WEB', 'TT', ... */
export function hostEnv(): string {
  const getEnv = (Taro as unknown as { getEnv?: () => unknown }).getEnv
  return typeof getEnv === 'function' ? String(getEnv()) : ''
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

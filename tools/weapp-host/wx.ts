import { fail, succeed, type Callbacks } from './callbacks'
import type { CallLog } from './callLog'
import type { EnterOptions } from './entry'
import { chatToolApis } from './wxChatTool'
import { later, type WxApi, type WxClient } from './wxClient'
import { groupApi } from './wxGroup'
import { availableIn } from './wxVersions'

/**
 * The `wx` global. Taro turns its keys into `Taro.*` APIs when it loads, so
 * it holds exactly what the app calls: the kit's APIs and the demo's storage.
 * Taro's runtime itself calls none of them. Asynchronous APIs answer on a
 * later timer, never synchronously, as WeChat does.
 */
export function createWx(client: WxClient): WxApi {
  const { fake, user, latency, storage } = client
  const baseInfo = () => ({ SDKVersion: client.sdkVersion })

  return recorded(
    client.log,
    availableIn(client.sdkVersion, {
      getEnterOptionsSync: () => ({ ...client.current().options }),
      getLaunchOptionsSync: () => ({ ...client.launch }),
      getApiCategory: () => client.current().options.apiCategory,
      onAppShow: (listener: (options: EnterOptions) => void) => {
        client.appShow.add(listener)
      },
      offAppShow: (listener?: (options: EnterOptions) => void) => {
        if (listener) client.appShow.delete(listener)
        else client.appShow.clear()
      },
      onAppHide: (listener: () => void) => {
        client.appHide.add(listener)
      },
      offAppHide: (listener?: () => void) => {
        if (listener) client.appHide.delete(listener)
        else client.appHide.clear()
      },
      getAppBaseInfo: baseInfo,
      getSystemInfoSync: baseInfo,
      login: (options: Callbacks<{ errMsg: string; code: string }>) =>
        later(client, latency.login, () => succeed(options, { errMsg: 'login:ok', code: fake.login(user) })),
      // Valid while the user's latest login key is: the fake keeps one key per user.
      checkSession: (options: Callbacks<{ errMsg: string }>) =>
        later(client, latency.login, () =>
          fake.sessionKey(user)
            ? succeed(options, { errMsg: 'checkSession:ok' })
            : fail(options, { errMsg: 'checkSession:fail session time out' }),
        ),
      getGroupEnterInfo: groupApi(client, 'getGroupEnterInfo'),
      getShareInfo: groupApi(client, 'getShareInfo'),
      ...chatToolApis(client),
      request: client.http.request,
      // WeChat answers '' for a key it does not have, and stores a copy.
      getStorageSync: (key: string) => (storage.has(key) ? structuredClone(storage.get(key)) : ''),
      setStorageSync: (key: string, value: unknown) => {
        storage.set(key, structuredClone(value))
      },
      removeStorageSync: (key: string) => {
        storage.delete(key)
      },
    }),
  )
}

/** Logs every call with its first argument (callbacks left out), which also counts calls per API. */
function recorded(log: CallLog, api: WxApi): WxApi {
  const wrap =
    (name: string, fn: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      log.record(name, describe(args[0]))
      return fn(...args)
    }
  return Object.fromEntries(
    Object.entries(api).map(([name, fn]) => [name, wrap(name, fn as (...args: unknown[]) => unknown)]),
  )
}

function describe(arg: unknown): unknown {
  // A listener (onAppShow) tells nothing worth logging.
  if (typeof arg === 'function') return undefined
  if (arg === null || typeof arg !== 'object') return arg
  return Object.fromEntries(Object.entries(arg).filter(([, value]) => typeof value !== 'function'))
}

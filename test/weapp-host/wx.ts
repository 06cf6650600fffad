import type { FakeGroup, FakeWeChat } from '@opengid/server/dev'
import { fail, succeed, type Callbacks, type WxError } from './callbacks'
import type { CallLog } from './callLog'
import type { EnterOptions, Entry } from './entry'
import type { Timers } from './timers'
import type { HttpClient } from './wxRequest'

/** Simulated client-side delays in ms, e.g. for a benchmark of a slow phone. */
export interface Latency {
  login?: number
  /** getGroupEnterInfo / getShareInfo. */
  bridge?: number
}

/** The WeChat client the wx object answers for. */
export interface WxClient {
  /** Issues this user's login codes and encrypts their group data. */
  fake: FakeWeChat
  user: string
  sdkVersion: string
  latency: Latency
  launch: EnterOptions
  current(): { entry: Entry; options: EnterOptions }
  appShow: Set<(options: EnterOptions) => void>
  appHide: Set<() => void>
  /** The phone's storage: shared by launches of the same install. */
  storage: Map<string, unknown>
  http: HttpClient
  timers: Timers
  log: CallLog
}

type GroupSource = 'getGroupEnterInfo' | 'getShareInfo'

interface GroupOptions extends Callbacks<{ errMsg: string; encryptedData: string; iv: string }> {
  shareTicket?: string
}

type WxApi = Record<string, (...args: never[]) => unknown>

/**
 * The `wx` global. Taro turns its keys into `Taro.*` APIs when it loads, so
 * it holds exactly what the app calls: the kit's APIs and the demo's storage.
 * Taro's runtime itself calls none of them. Asynchronous APIs answer on a
 * later timer, never synchronously, as WeChat does.
 */
export function createWx(client: WxClient): WxApi {
  const { fake, user, latency, timers } = client
  const later = (ms: number | undefined, answer: () => void) => timers.setTimeout(answer, ms ?? 0)
  const baseInfo = () => ({ SDKVersion: client.sdkVersion })

  const groupApi = (source: GroupSource) => (options: GroupOptions) => {
    // WeChat answers for the chat the app was in when asked, not when it answers.
    const { entry } = client.current()
    later(latency.bridge, () => {
      const outcome = groupOutcome(entry, source, options.shareTicket)
      if ('error' in outcome) fail(options, outcome.error)
      else succeed(options, { errMsg: `${source}:ok`, ...fake.encryptGroup(user, outcome.group) })
    })
  }

  const { storage } = client

  return recorded(client.log, {
    getEnterOptionsSync: () => ({ ...client.current().options }),
    getLaunchOptionsSync: () => ({ ...client.launch }),
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
      later(latency.login, () => succeed(options, { errMsg: 'login:ok', code: fake.login(user) })),
    // Valid while the user's latest login key is: the fake keeps one key per user.
    checkSession: (options: Callbacks<{ errMsg: string }>) =>
      later(latency.login, () =>
        fake.sessionKey(user)
          ? succeed(options, { errMsg: 'checkSession:ok' })
          : fail(options, { errMsg: 'checkSession:fail session time out' }),
      ),
    getGroupEnterInfo: groupApi('getGroupEnterInfo'),
    getShareInfo: groupApi('getShareInfo'),
    request: client.http.request,
    // WeChat answers '' for a key it does not have, and stores a copy.
    getStorageSync: (key: string) => (storage.has(key) ? structuredClone(storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => {
      storage.set(key, structuredClone(value))
    },
    removeStorageSync: (key: string) => {
      storage.delete(key)
    },
  })
}

function groupOutcome(
  entry: Entry,
  source: GroupSource,
  shareTicket: string | undefined,
): { error: WxError } | { group: FakeGroup } {
  if (entry.fail) {
    const { errCode, reason = `errCode ${errCode}` } = entry.fail
    return { error: { errCode, errMsg: `${source}:fail ${reason}` } }
  }
  if (!entry.group) return { error: { errCode: 40097, errMsg: `${source}:fail invalid scene` } }
  if (source === 'getShareInfo' && shareTicket !== entry.shareTicket) {
    return { error: { errMsg: 'getShareInfo:fail invalid shareTicket' } }
  }
  return { group: { ...entry.group, source } }
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

import type { FakeWeChat } from '@opengid/server/dev'
import type { CallLog } from './callLog'
import type { EnterOptions, Entry } from './entry'
import type { Timers } from './timers'
import type { HttpClient } from './wxRequest'

/** Simulated client-side delays in ms, e.g. for a benchmark of a slow phone. */
export interface Latency {
  login?: number
  /** getGroupEnterInfo / getShareInfo, and the chat tool's APIs. */
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

export type WxApi = Record<string, (...args: never[]) => unknown>

/** Answers on a later timer, never synchronously, as WeChat answers its asynchronous APIs. */
export function later(client: WxClient, ms: number | undefined, answer: () => void): void {
  client.timers.setTimeout(answer, ms ?? 0)
}

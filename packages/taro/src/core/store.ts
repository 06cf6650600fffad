import { createAborter, type Aborter } from './abort'
import { ABORTED, runAttempt, withTimeout } from './attempt'
import type { GroupEnterError } from './GroupEnterError'
import { DEFAULT_GROUP_SCENES, entryKey, planEntry, type EntryPlan, type PlanOptions } from './plan'
import { retryAgain } from './retry'
import { singleFlightLogin } from './singleFlightLogin'
import type { EnterOptions, GroupBridge, GroupEnterSource, GroupEnterState, GroupResolver } from './types'
import { isChatType } from './wire'

export interface GroupEnterStoreOptions {
  bridge: GroupBridge
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any resolver's prepared value is fine here
  resolver: GroupResolver<any>
  /** Scenes that count as group launches. Default: 1008, 1044, 1158, 1160, 1185. */
  scenes?: readonly number[]
  /** Per attempt, from prepare to resolved. Default 10000. */
  timeoutMs?: number
  /** Extra attempts after a network-type failure (timeout, no connection, 5xx). Default 1. See core/retry.ts. */
  retry?: number
  needGroupOpenID?: boolean
  allowSingleChat?: boolean
  /**
   * `'chatTool'` on a provider in the chat tool's pages: resolve through getChatToolInfo
   * even when the enter options do not say so (the app entered the chat tool itself).
   */
  mode?: PlanOptions['mode']
  onResolved?(state: GroupEnterState): void
  onError?(error: GroupEnterError): void
}

export interface GroupEnterStore {
  getState(): GroupEnterState
  subscribe(listener: () => void): () => void
  /** Resolves the current entry and follows `onAppShow`. Returns `stop`. */
  start(): () => void
  /** Starts over for the current enter options; settles (never rejects) when done. */
  refresh(): Promise<void>
}

interface Entry {
  key: string
  options: EnterOptions | undefined
  aborter: Aborter
  settled: boolean
  promise: Promise<void>
}

const DONE = Promise.resolve()

function baseState(options: EnterOptions | undefined): Pick<GroupEnterState, 'scene' | 'chatType'> {
  const chatType = options && options.chatType
  return { scene: options && options.scene, chatType: isChatType(chatType) ? chatType : undefined }
}

const isCall = (plan: EntryPlan): plan is GroupEnterSource => plan !== 'none' && plan !== 'unsupported'

/** The state a plan leads to before any answer: 'loading' for a call, else the plan itself. */
function planState(options: EnterOptions | undefined, entryPlan: EntryPlan): GroupEnterState {
  return Object.assign({ status: isCall(entryPlan) ? 'loading' : entryPlan }, baseState(options)) as GroupEnterState
}

function shallowEqual(a: GroupEnterState, b: GroupEnterState): boolean {
  const keys = Object.keys(a) as (keyof GroupEnterState)[]
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]))
}

export function createGroupEnterStore(options: GroupEnterStoreOptions): GroupEnterStore {
  const { resolver, timeoutMs = 10000, retry = 1 } = options
  // A login in flight is joined, never doubled: a late login would rotate the session
  // key that a newer entry's data is encrypted with.
  const bridge = singleFlightLogin(options.bridge)
  const planOptions = {
    scenes: options.scenes || DEFAULT_GROUP_SCENES,
    allowSingleChat: options.allowSingleChat,
    mode: options.mode,
  }
  const listeners = new Set<() => void>()
  let current: Entry | undefined
  let unsubscribe: (() => void) | undefined
  let pendingStop: ReturnType<typeof setTimeout> | undefined
  let hidden = false
  // Attempts wait here while the store is stopped: see AttemptContext.proceed.
  let running = false
  let resume: Promise<void> = DONE
  let wake = () => {}

  const plan = (enter: EnterOptions | undefined) => planEntry(enter, bridge, planOptions)

  // Derived eagerly and without side effects, so a consumer's first render already
  // shows 'loading' / 'none' instead of an 'idle' that is replaced a moment later.
  let state: GroupEnterState = initialState(bridge.getEnterOptions())

  function initialState(enter: EnterOptions | undefined): GroupEnterState {
    return enter ? planState(enter, plan(enter)) : { status: 'idle' }
  }

  function setState(next: GroupEnterState) {
    if (shallowEqual(state, next)) return
    state = next
    listeners.forEach((listener) => listener())
  }

  async function resolveEntry(entry: Entry, api: GroupEnterSource): Promise<GroupEnterState> {
    const base = baseState(entry.options)
    const ctx = {
      bridge,
      resolver,
      api,
      shareTicket: entry.options && entry.options.shareTicket,
      // Only allowSingleChat and needGroupOpenID are read from it.
      enterInfoOptions: options,
      proceed,
    }
    const tries = { stale: 0, network: 0 }
    for (;;) {
      try {
        const group = await withTimeout(entry.aborter.signal, timeoutMs, (signal) => runAttempt(ctx, signal))
        return Object.assign({ status: 'resolved' as const }, base, group, {
          chatType: group.chatType || base.chatType,
        })
      } catch (caught) {
        if (caught === ABORTED) throw caught
        // Every step of an attempt is owned() (attempt.ts): what is not ABORTED is the kit's error.
        const error = caught as GroupEnterError
        if (error.code === 'UNSUPPORTED') return Object.assign({ status: 'unsupported' as const }, base)
        if (!retryAgain(error, tries, retry)) return Object.assign({ status: 'error' as const, error }, base)
      }
    }
  }

  function enter(enterOptions: EnterOptions | undefined, force: boolean): Promise<void> {
    const key = entryKey(enterOptions)
    if (current && current.key === key && !force) return current.promise
    if (current) current.aborter.abort()
    const entry: Entry = { key, options: enterOptions, aborter: createAborter(), settled: false, promise: DONE }
    current = entry
    const entryPlan = plan(enterOptions)
    setState(planState(enterOptions, entryPlan))
    if (!isCall(entryPlan)) {
      entry.settled = true
      return DONE
    }
    entry.promise = resolveEntry(entry, entryPlan).then(
      (next) => {
        entry.settled = true
        // A superseded entry's late answer must never be shown.
        if (current !== entry) return
        setState(next)
        try {
          if (next.status !== 'resolved') {
            if (next.error && options.onError) options.onError(next.error)
          } else if (options.onResolved) options.onResolved(next)
        } catch (error) {
          // The app's callback failing must not break the store or reject refresh().
          console.error(error)
        }
      },
      () => {
        entry.settled = true
      },
    )
    return entry.promise
  }

  function proceed(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(ABORTED)
    if (running) return DONE
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(ABORTED)
      signal.addEventListener('abort', onAbort)
      void resume.then(() => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      })
    })
  }

  function onShow(shown: EnterOptions) {
    // Two different group cards can give identical options, so a show after a hide
    // from a group scene resolves again; the launch's own first show is no re-show.
    const reShow = hidden && plan(shown) !== 'none'
    hidden = false
    void enter(shown, reShow)
  }

  function stop() {
    if (unsubscribe) unsubscribe()
    unsubscribe = undefined
    running = false
    resume = new Promise((resolve) => (wake = resolve))
    // A binding may stop and start again in the same tick (a provider remounted at
    // once, as React's StrictMode does): in-flight work is abandoned a tick later, so
    // such a restart picks it up instead of calling the bridge again.
    pendingStop = setTimeout(() => {
      pendingStop = undefined
      if (current && !current.settled) {
        current.aborter.abort()
        current = undefined
      }
    }, 0)
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    start() {
      if (pendingStop !== undefined) clearTimeout(pendingStop)
      pendingStop = undefined
      running = true
      wake()
      if (!unsubscribe) {
        const offShow = bridge.onAppShow(onShow)
        const offHide = bridge.onAppHide && bridge.onAppHide(() => (hidden = true))
        unsubscribe = () => {
          offShow()
          if (offHide) offHide()
        }
      }
      // The same options as an in-flight entry (a restart right after a stop) join it rather than restart it.
      void enter(bridge.getEnterOptions(), false)
      return stop
    },
    refresh() {
      if (current && !current.settled) return current.promise
      return enter(current ? current.options : bridge.getEnterOptions(), true)
    },
  }
}

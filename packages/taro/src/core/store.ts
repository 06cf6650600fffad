import { createEntries } from './entries'
import type { GroupEnterError } from './GroupEnterError'
import { createPauseGate } from './pauseGate'
import { DEFAULT_GROUP_SCENES, planEntry, planState, type PlanOptions } from './plan'
import type { AllowSingleChat } from './register'
import { singleFlightLogin } from './singleFlightLogin'
import { createStateStore } from './stateStore'
import type { EnterOptions, GroupBridge, GroupEnterState, GroupResolver } from './types'

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
  /** Single chats resolve too, as rooms: only for an app that registered them (see `Register`). */
  allowSingleChat?: AllowSingleChat
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

/**
 * The framework-free store every binding drives: the state (stateStore.ts), the entry
 * lifecycle (entries.ts) and the pause gate (pauseGate.ts), wired to the bridge's app
 * events. The options are read once, here.
 */
export function createGroupEnterStore(options: GroupEnterStoreOptions): GroupEnterStore {
  const { resolver, timeoutMs = 10000, retry = 1, onResolved, onError } = options
  // A login in flight is joined, never doubled: a late login would rotate the session
  // key that a newer entry's data is encrypted with.
  const bridge = singleFlightLogin(options.bridge)
  const entryOptions: PlanOptions = {
    scenes: options.scenes || DEFAULT_GROUP_SCENES,
    // A string is only the message an unregistered app's types give instead of `true`.
    allowSingleChat: options.allowSingleChat as boolean | undefined,
    needGroupOpenID: options.needGroupOpenID,
    mode: options.mode,
  }
  const plan = (enter: EnterOptions | undefined) => planEntry(enter, bridge, entryOptions)
  const gate = createPauseGate()
  const initial = bridge.getEnterOptions()
  // Derived eagerly and without side effects, so a consumer's first render already
  // shows 'loading' / 'none' instead of an 'idle' that is replaced a moment later.
  const state = createStateStore(initial ? planState(initial, plan(initial)) : { status: 'idle' })
  const setup = { bridge, resolver, enterInfo: entryOptions, pass: gate.pass, timeoutMs, retry }
  const entries = createEntries(setup, plan, state.setState, (next) => {
    try {
      if (next.status === 'resolved') {
        if (onResolved) onResolved(next as GroupEnterState)
      } else if (next.error && onError) onError(next.error)
    } catch (error) {
      // The app's callback failing must not break the store or reject refresh().
      console.error(error)
    }
  })
  let unsubscribe: (() => void) | undefined
  let hidden = false

  function onShow(shown: EnterOptions) {
    // Two different group cards can give identical options, so a show after a hide
    // from a group scene resolves again; the launch's own first show is no re-show.
    const reShow = hidden && plan(shown) !== 'none'
    hidden = false
    void entries.enter(shown, reShow)
  }

  function stop() {
    if (unsubscribe) unsubscribe()
    unsubscribe = undefined
    gate.close(entries.abandon)
  }

  // The states are the runtime's (any room); the app reads them, here and in onResolved, as its own
  // GroupEnterState. That holds: a single room resolves only with allowSingleChat, which the types give
  // only to an app that registered single chats.
  return {
    getState: state.getState as () => GroupEnterState,
    subscribe: state.subscribe,
    start() {
      gate.open()
      if (!unsubscribe) {
        const offShow = bridge.onAppShow(onShow)
        const offHide = bridge.onAppHide && bridge.onAppHide(() => (hidden = true))
        unsubscribe = () => {
          offShow()
          if (offHide) offHide()
        }
      }
      // The same options as an in-flight entry (a restart right after a stop) join it rather than restart it.
      void entries.enter(bridge.getEnterOptions(), false)
      return stop
    },
    refresh: entries.refresh,
  }
}

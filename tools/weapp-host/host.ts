import type { FakeWeChat } from '@opengid/server/dev'
import type { WeappBundle } from './bundle'
import { createCallLog, type CallLog, type LogEntry } from './callLog'
import { enterOptions, type EnterOptions, type Entry } from './entry'
import { createRegistry, type Definition } from './registry'
import { renderPage } from './renderer'
import { createSandbox } from './sandbox'
import { createTimers } from './timers'
import { waitFor } from './waitFor'
import { createWx } from './wx'
import type { Latency } from './wxClient'
import { createHttpClient } from './wxRequest'

export interface WeappHostOptions {
  bundle: WeappBundle
  /** The dev server's fake, so that /api/opengid's code2Session knows this client's codes and session keys. */
  fake: FakeWeChat
  /** The dev server: every wx.request goes to its origin (see wxRequest.ts). */
  serverUrl: string
  /** The launch, and the page it opens (`entry.page`). */
  entry: Entry
  /** Default 'weapp-user'. */
  user?: string
  /** The base library version getAppBaseInfo reports; default '3.8.0'. */
  sdkVersion?: string
  /** The phone's storage; pass the previous launch's `storage` to play a second launch of the same install. */
  storage?: Map<string, unknown>
  latency?: Latency
}

export interface WeappHost {
  /** Every wx call, lifecycle and setData, timed from when the host started loading the app's code. */
  readonly log: CallLog
  /** Every setData, with the texts drawn right after it, in order: what a user saw, frame by frame. */
  readonly renders: readonly Render[]
  /** The page's data, as setData left it. */
  readonly data: Record<string, unknown>
  /** The texts the renderer drew, in document order. */
  texts(): string[]
  findText(match: TextMatch): string | undefined
  /** Taps what draws the first matching text, through the renderer: the tap bubbles to the handler WeChat would call. */
  tap(match: TextMatch): void
  /** Resolves with the setData since which the page has shown a matching text. */
  waitForText(match: TextMatch, timeoutMs?: number): Promise<LogEntry>
  /** Resolves once the app has no timer pending and no request in flight: nothing more will happen by itself. */
  settled(timeoutMs?: number): Promise<void>
  /** Hot start: the app goes to the background and is shown again from `entry`, on the page it shows. */
  showApp(entry: Entry): void
  /** The phone's storage (wx.setStorageSync), for a next launch of the same install. */
  readonly storage: Map<string, unknown>
  /** Cancels the app's timers and requests; nothing of it runs afterwards. */
  close(): void
}

/** A substring, or a pattern (e.g. /^none$/ for a whole text). */
export type TextMatch = string | RegExp

const matches = (text: string, match: TextMatch) =>
  typeof match === 'string' ? text.includes(match) : match.test(text)

export interface Render {
  entry: LogEntry
  texts: string[]
  /** Time the renderer took to draw this setData, in this process. WeChat draws on its render thread instead. */
  drawMs: number
}

/**
 * Launches a compiled weapp the way WeChat does, in a sandbox of its own:
 * app.js, the page's subpackage entry file if it has one, App.onLaunch and
 * App.onShow, then the page (`entry.page`, by default the first of app.json)
 * with the components it uses, Page.onLoad, onShow and onReady. A page of an
 * independent subpackage launches that subpackage alone: no app.js, so no App
 * and no App lifecycles, and no file from outside it.
 */
export function launchWeapp(options: WeappHostOptions): WeappHost {
  const { bundle } = options
  const log = createCallLog()
  const timers = createTimers()
  const closed = new AbortController()
  const http = createHttpClient(options.serverUrl, closed.signal)
  const registry = createRegistry()
  const route = options.entry.page ?? bundle.packages.firstPage
  if (!bundle.has(`${route}.json`)) throw new Error(`No page ${route} in the weapp build`)
  const launched = bundle.packages.of(route)
  const appShow = new Set<(options: EnterOptions) => void>()
  const appHide = new Set<() => void>()
  const storage = options.storage ?? new Map<string, unknown>()
  const renders: Render[] = []
  let current = { entry: options.entry, options: enterOptions(options.entry, route) }

  const wx = createWx({
    fake: options.fake,
    user: options.user ?? 'weapp-user',
    sdkVersion: options.sdkVersion ?? '3.8.0',
    latency: options.latency ?? {},
    launch: current.options,
    current: () => current,
    appShow,
    appHide,
    storage,
    http,
    timers,
    log,
  })
  const sandbox = createSandbox(
    bundle,
    {
      wx,
      ...registry.globals,
      // React's scheduler and Taro's nextTick; WeChat has no setImmediate or MessageChannel either.
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
      // Taro's warnings and React's errors.
      console,
    },
    launched.independent ? launched.root : '',
  )
  const lifecycle = (owner: 'App' | 'Page', target: Definition | undefined, name: string, ...args: unknown[]) => {
    if (!target) return
    log.record(`${owner}.${name}`, args[0])
    const fn = target[name]
    if (typeof fn === 'function') fn.apply(target, args)
  }

  if (!launched.independent) {
    sandbox.require('app.js')
    if (!registry.app()) throw new Error('app.js did not call App()')
  }
  if (launched.entry) sandbox.require(launched.entry)
  const app = registry.app()
  const show = () => {
    lifecycle('App', app, 'onShow', current.options)
    appShow.forEach((listener) => listener(current.options))
  }
  lifecycle('App', app, 'onLaunch', current.options)
  show()
  const view = renderPage({
    bundle,
    sandbox,
    registry,
    route,
    onSetData: (patch, drawMs) => renders.push({ entry: log.record('setData', patch), texts: view.texts(), drawMs }),
    later: (callback) => timers.setTimeout(callback, 0),
  })
  const page = view.instance
  registry.pages.push(page)
  lifecycle('Page', page, 'onLoad', { ...current.options.query })
  lifecycle('Page', page, 'onShow')
  lifecycle('Page', page, 'onReady')

  // Thrown by the queries, not where the renderer notices: exparser catches what its lifetimes
  // throw, and the frame log is written inside the app's own setData.
  const unrefused = () => {
    if (view.refused) throw new Error(view.refused)
  }
  const texts = () => {
    unrefused()
    return view.texts()
  }
  return {
    log,
    renders,
    get data() {
      return page.data
    },
    texts,
    findText: (match) => texts().find((text) => matches(text, match)),
    tap(match) {
      unrefused()
      view.tap((text) => matches(text, match))
    },
    waitForText: (match, timeoutMs) =>
      waitFor(
        () => {
          unrefused()
          return shownSince(renders, match)
        },
        {
          timeoutMs,
          what: `a text matching ${String(match)}`,
          state: () => JSON.stringify(texts()),
        },
      ),
    settled: (timeoutMs) =>
      waitFor(() => (timers.pending === 0 && http.inFlight === 0 ? true : undefined), {
        timeoutMs,
        what: 'the app to settle',
        state: () => `${timers.pending} timers pending, ${http.inFlight} requests in flight`,
      }).then(() => undefined),
    storage,
    showApp(entry) {
      if (entry.page !== undefined && entry.page !== route) {
        throw new Error(`showApp: the app shows ${route}; this host plays no navigation to ${entry.page}`)
      }
      lifecycle('App', app, 'onHide')
      appHide.forEach((listener) => listener())
      lifecycle('Page', page, 'onHide')
      current = { entry, options: enterOptions(entry, route) }
      show()
      lifecycle('Page', page, 'onShow')
    },
    close() {
      view.close()
      closed.abort()
      timers.clearAll()
      appShow.clear()
      appHide.clear()
    },
  }
}

/** The first render of the run of latest renders that all show the text. */
function shownSince(renders: Render[], match: TextMatch): LogEntry | undefined {
  let since: LogEntry | undefined
  for (let i = renders.length - 1; i >= 0 && renders[i].texts.some((text) => matches(text, match)); i--) {
    since = renders[i].entry
  }
  return since
}

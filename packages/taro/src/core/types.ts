import type { GroupEnterError } from './GroupEnterError'
import type { ChatType, GroupEnterPayload, GroupEnterSource, GroupIdentity } from './wire'

export type { ChatType, GroupEnterPayload, GroupEnterSource }

/** The state and a way to resolve it again: what a binding's `useGroupEnterInfo()` gives. */
export type GroupEnterInfo = GroupEnterState & { refresh(): Promise<void> }

export type GroupEnterStatus = 'idle' | 'loading' | 'resolved' | 'none' | 'unsupported' | 'error'

/** What every state carries: the launch as the enter options told it. */
interface GroupEnterBase {
  /** From the enter options; may be 0 or missing in development builds. */
  chatType?: ChatType
  scene?: number
}

/** Fields only a resolved group has; `never` elsewhere, so selectors read them from any state. */
interface NoGroup {
  opengid?: never
  groupOpenid?: never
  openSingleRoomid?: never
  source?: never
  ticket?: never
  ticketExpiresAt?: never
}

/**
 * One state of the group entry, discriminated by `status`: once `status` is checked,
 * `opengid` is a `string` (resolved) and `error` a `GroupEnterError` (error).
 */
export type GroupEnterState =
  | (GroupEnterBase & NoGroup & { status: 'idle' | 'loading' | 'none' | 'unsupported'; error?: never })
  | (GroupEnterBase & {
      status: 'resolved'
      opengid: string
      /** The user's id inside that chat: differs per chat, never a group key. Only with `needGroupOpenID`. */
      groupOpenid?: string
      /** Single-chat launches, only with `allowSingleChat`. */
      openSingleRoomid?: string
      source: GroupEnterSource
      /** From the resolver: `@opengid/server` signs one for your own API. */
      ticket?: string
      /** ms since the epoch. */
      ticketExpiresAt?: number
      error?: never
    })
  | (GroupEnterBase & NoGroup & { status: 'error'; error: GroupEnterError })

/** What `getEnterOptionsSync` / `getLaunchOptionsSync` / `onAppShow` carry (the fields the kit reads). */
export interface EnterOptions {
  scene?: number
  shareTicket?: string
  /** 1 WeChat single chat, 2 WeCom single chat, 3 WeChat group, 4 WeCom interop group; may be 0 or missing in dev builds. */
  chatType?: number
  query?: Record<string, string | undefined>
  path?: string
  /** `'chatTool'` when WeChat opened the app as a chat tool (base library 2.20.0+ reports it). */
  apiCategory?: string
}

/** What a resolver answers: the group, and the ticket when the server signs one. */
export interface ResolvedGroup extends GroupIdentity {
  /** A group ticket for your own API (`@opengid/server` signs one on every answer): send it as `Authorization: Bearer`. */
  ticket?: string
  /** When the ticket expires, in ms since the epoch. */
  ticketExpiresAt?: number
}

export interface GroupEnterInfoOptions {
  allowSingleChat?: boolean
  needGroupOpenID?: boolean
}

/** Small values the kit keeps across launches (the server session id). */
export interface BridgeStorage {
  get(key: string): string | undefined
  set(key: string, value: string): void
  remove(key: string): void
}

/**
 * The WeChat side as the kit sees it. `onAppHide` and `storage` are optional: a bridge
 * without them still works, without the warm path (every entry logs in) and without
 * re-resolving on re-show.
 */
export interface GroupBridge {
  getEnterOptions(): EnterOptions | undefined
  /** Returns the unsubscribe function. */
  onAppShow(cb: (options: EnterOptions) => void): () => void
  /** Returns the unsubscribe function. A show after a hide is a re-show. */
  onAppHide?(cb: () => void): () => void
  /**
   * @deprecated Not called since 0.3: the server's answer to a warm request is the
   * check (see httpResolver). A bridge may still have it.
   */
  checkSession?(): Promise<boolean>
  storage?: BridgeStorage
  sdkVersion(): string | undefined
  has(api: GroupEnterSource): boolean
  getGroupEnterInfo(options: GroupEnterInfoOptions): Promise<GroupEnterPayload>
  getShareInfo(shareTicket: string): Promise<GroupEnterPayload>
  /** Inside the chat tool (base library 3.7.8+). Without it, a chat tool launch is `unsupported`. */
  getChatToolInfo?(): Promise<GroupEnterPayload>
  login(): Promise<{ code: string }>
}

export interface PrepareContext {
  bridge: GroupBridge
  signal: AbortSignal
}

export interface ResolveContext<P> {
  prepared: P
  signal: AbortSignal
}

/**
 * Turns the encrypted payload into an opengid. `prepare` runs before every bridge
 * call, so a login that may refresh the session key happens before the data is
 * fetched (data fetched before a later login can become undecryptable).
 */
export interface GroupResolver<P = unknown> {
  prepare?(ctx: PrepareContext): Promise<P>
  resolve(payload: GroupEnterPayload, ctx: ResolveContext<P>): Promise<ResolvedGroup>
}

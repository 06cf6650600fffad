import type { GroupEnterError } from './GroupEnterError'
import type { AppRoom } from './register'
import type { ChatType, GroupEnterPayload, GroupEnterSource, GroupIdentity, Room, RoomType } from './wire'

export type { ChatType, GroupEnterPayload, GroupEnterSource, GroupIdentity, Room, RoomType }

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
  roomId?: never
  roomType?: never
  opengid?: never
  groupOpenid?: never
  openSingleRoomid?: never
  source?: never
  ticket?: never
  ticketExpiresAt?: never
}

/**
 * One state of an entry whose resolved room is an `R`: any room in the kit's own code,
 * which must handle every room the runtime can resolve.
 */
export type EnterState<R extends Room = Room> =
  | (GroupEnterBase & NoGroup & { status: 'idle' | 'loading' | 'none' | 'unsupported'; error?: never })
  | (GroupEnterBase &
      R & {
        status: 'resolved'
        /** The user's id inside that chat: differs per chat, never a room key. Only with `needGroupOpenID`. */
        groupOpenid?: string
        source: GroupEnterSource
        /** From the resolver: `@opengid/server` signs one for your own API. */
        ticket?: string
        /** ms since the epoch. */
        ticketExpiresAt?: number
        error?: never
      })
  | (GroupEnterBase & NoGroup & { status: 'error'; error: GroupEnterError })

/**
 * One state of the group entry, discriminated by `status`: once `status` is checked,
 * `opengid` and `roomId` are `string`s (resolved) and `error` a `GroupEnterError` (error).
 * For an app that registered single chats (see `Register`) a resolved room may be a
 * single chat: once `roomType` is checked too, `opengid` (group) or `openSingleRoomid` (single) is.
 */
export type GroupEnterState = EnterState<AppRoom>

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

/**
 * A resolver's answer of an `R`, and the ticket when the server signs one. A resolver
 * written before rooms answers a group as `{ opengid }` alone; the kit reads that as
 * the group room it is.
 */
export type ResolverAnswer<R extends Room = Room> = (
  GroupIdentity<R> | (Omit<GroupIdentity, keyof Room> & { opengid: string })
) & {
  /** A ticket for your own API (`@opengid/server` signs one on every answer): send it as `Authorization: Bearer`. */
  ticket?: string
  /** When the ticket expires, in ms since the epoch. */
  ticketExpiresAt?: number
}

/**
 * What a resolver answers for this app: a group, or any room for an app that registered
 * single chats (the kit refuses a single room it did not ask for).
 */
export type ResolvedGroup = ResolverAnswer<AppRoom>

/** A resolver's answer once the kit has checked it: the room always named. */
export type ResolvedRoom = GroupIdentity & Pick<ResolverAnswer, 'ticket' | 'ticketExpiresAt'>

/** What the bridge's group API is asked with, as WeChat takes it (the provider's `allowSingleChat` waits for `Register`). */
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
  /** The provider allows single chats: tell the server, which otherwise refuses them. */
  allowSingleChat?: boolean
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

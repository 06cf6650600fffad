import type { GroupEnterError } from './GroupEnterError'

export type GroupEnterStatus = 'idle' | 'loading' | 'resolved' | 'none' | 'unsupported' | 'error'

export type ChatType = 1 | 2 | 3 | 4

export type GroupEnterSource = 'getGroupEnterInfo' | 'getShareInfo'

export interface GroupEnterState {
  status: GroupEnterStatus
  /** Set when `status === 'resolved'`. */
  opengid?: string
  chatType?: ChatType
  scene?: number
  /** The user's id inside that chat: differs per chat, never a group key. Only with `needGroupOpenID`. */
  groupOpenid?: string
  /** Single-chat launches, only with `allowSingleChat`. */
  openSingleRoomid?: string
  source?: GroupEnterSource
  /** Set when `status === 'error'`. */
  error?: GroupEnterError
}

/** What `getEnterOptionsSync` / `getLaunchOptionsSync` / `onAppShow` carry (the fields the kit reads). */
export interface EnterOptions {
  scene?: number
  shareTicket?: string
  /** 1 WeChat single chat, 2 WeCom single chat, 3 WeChat group, 4 WeCom interop group; may be 0 or missing in dev builds. */
  chatType?: number
  query?: Record<string, string | undefined>
  path?: string
}

export interface GroupEnterPayload {
  encryptedData: string
  iv: string
  cloudID?: string
  source: GroupEnterSource
}

export interface ResolvedGroup {
  opengid: string
  chatType?: ChatType
  groupOpenid?: string
  openSingleRoomid?: string
}

export interface GroupEnterInfoOptions {
  allowSingleChat?: boolean
  needGroupOpenID?: boolean
}

export interface GroupBridge {
  getEnterOptions(): EnterOptions | undefined
  /** Returns the unsubscribe function. */
  onAppShow(cb: (options: EnterOptions) => void): () => void
  sdkVersion(): string | undefined
  has(api: GroupEnterSource): boolean
  getGroupEnterInfo(options: GroupEnterInfoOptions): Promise<GroupEnterPayload>
  getShareInfo(shareTicket: string): Promise<GroupEnterPayload>
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

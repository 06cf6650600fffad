/**
 * The message between @opengid/taro and @opengid/server, written once. The client's
 * core and the server both bundle this file, so a change here is a change to both,
 * and one side cannot read what the other no longer sends (`npm run typecheck`).
 * It imports nothing: the server bundles it without pulling in the client.
 */

/** 1 WeChat single chat, 2 WeCom single chat, 3 WeChat group, 4 WeCom interop group. */
export type ChatType = 1 | 2 | 3 | 4

export const isChatType = (value: unknown): value is ChatType =>
  value === 1 || value === 2 || value === 3 || value === 4

/** Which client API produced the encrypted data; `getChatToolInfo` inside WeChat's chat tool. */
export type GroupEnterSource = 'getGroupEnterInfo' | 'getShareInfo' | 'getChatToolInfo'

export const isGroupEnterSource = (value: unknown): value is GroupEnterSource =>
  value === 'getGroupEnterInfo' || value === 'getShareInfo' || value === 'getChatToolInfo'

/**
 * The shape of every id WeChat issues for a chat (opengid, group_openid,
 * open_single_roomid), and the only shape the kit passes on: decrypted data
 * holding anything else was altered. The server checks it before it answers,
 * the client again before it believes the answer.
 */
export const GROUP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export const isGroupId = (value: unknown): value is string => typeof value === 'string' && GROUP_ID_PATTERN.test(value)

/**
 * The longest `code` or `session` the server takes: WeChat login codes and the
 * server's session ids are 32 characters, so anything far longer is neither. The
 * server refuses one; the client drops a stored one instead of sending it.
 */
export const MAX_CREDENTIAL_LENGTH = 256

/** Who the request says the user is: a fresh login's code to exchange, or a server session to look up. */
export type Credentials = { code: string; session?: undefined } | { session: string; code?: undefined }

/** What a bridge call gives: the group data WeChat encrypted with the user's session key. */
export interface GroupEnterPayload {
  encryptedData: string
  iv: string
  /** Given when cloud development is on; a plain server cannot use it and ignores it. */
  cloudID?: string
  source: GroupEnterSource
}

/**
 * POST to the resolver endpoint: exactly one of `code` / `session`, and the payload.
 * `allowSingleChat: true` lets a single chat resolve; without it only groups do.
 */
export type ResolverRequestBody = Credentials &
  Omit<GroupEnterPayload, 'source'> & { source?: GroupEnterSource; allowSingleChat?: true }

/** A group, or (when the app allows single chats) a one-to-one chat. */
export type RoomType = 'group' | 'single'

/** A group chat as a room: its `roomId` is its opengid. */
export type GroupRoom = { roomType: 'group'; roomId: string; opengid: string; openSingleRoomid?: undefined }

/** A single chat as a room: its `roomId` is its open_single_roomid. */
export type SingleRoom = { roomType: 'single'; roomId: string; openSingleRoomid: string; opengid?: undefined }

/**
 * The chat an entry came from, named by `roomId` whatever its type. The type-specific
 * id is kept beside it, so an app that only knows groups still reads `opengid`.
 */
export type Room = GroupRoom | SingleRoom

/**
 * The room one entry resolves to. `R` narrows it where only some rooms can come
 * (`GroupRoom` where single chats are not allowed).
 */
export type GroupIdentity<R extends Room = Room> = R & {
  chatType?: ChatType
  /** The user's id inside this chat: differs per chat, never a room key. */
  groupOpenid?: string
}

/** A room with a ticket the app's own API can verify; what the cloud path answers. */
export type GroupWithTicket<R extends Room = Room> = GroupIdentity<R> & {
  /** A JWT saying the server decrypted this room for this user. */
  ticket: string
  /** When the ticket expires, in ms since the epoch. */
  ticketExpiresAt: number
}

/** The 200 body of the HTTP handlers. */
export type GroupAnswer = GroupWithTicket & {
  /** The session id to send instead of a code next time (the warm path). */
  session: string
}

/** The `error.code` of an error answer. Stable: clients branch on it. */
export type HttpErrorCode =
  | 'BAD_INPUT'
  | 'DECRYPT'
  | 'INVALID_CODE'
  | 'HIGH_RISK'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'WECHAT_ERROR'
  | 'WECHAT_UNAVAILABLE'
  | 'SESSION_EXPIRED'
  | 'SESSIONS_UNAVAILABLE'
  | 'REQUEST_TIMEOUT'
  | 'TICKET_MISSING'
  | 'TICKET_INVALID'
  | 'TICKET_EXPIRED'
  | 'GROUP_MISMATCH'
  | 'TICKET_KEYS_UNAVAILABLE'

/** Every non-2xx body of the handlers; the cloud function fails with the same shape and its own codes. */
export interface ErrorBody<Code extends string = HttpErrorCode> {
  error: {
    code: Code
    message: string
    /** WeChat's errcode when WeChat refused (WECHAT_ERROR) or the cloudID expired. */
    errCode?: number
  }
}

/** The session the request named is unknown or expired, or its key failed: log in again. */
export const SESSION_EXPIRED = 'SESSION_EXPIRED' satisfies HttpErrorCode

/** WeChat's errCode for a cloudID older than its 5 minutes: fetch a fresh one. */
export const CLOUD_ID_EXPIRED = -601006

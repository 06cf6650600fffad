/** 1 WeChat single chat, 2 WeCom single chat, 3 WeChat group, 4 WeCom interop group. */
export type ChatType = 1 | 2 | 3 | 4

export function isChatType(value: unknown): value is ChatType {
  return value === 1 || value === 2 || value === 3 || value === 4
}

/** Which client API produced the encrypted data. */
export type GroupSource = 'getGroupEnterInfo' | 'getShareInfo'

export function isSource(value: unknown): value is GroupSource {
  return value === 'getGroupEnterInfo' || value === 'getShareInfo'
}

/** The answer for one group entry; the same shape the client kit stores. */
export interface ResolvedGroup {
  /** The group's id for this Mini Program: never empty. */
  opengid: string
  chatType?: ChatType
  /** The user's id inside this chat: differs per chat, never a group key. */
  groupOpenid?: string
  openSingleRoomid?: string
}

/** A group with a ticket your own API can verify (verifyGroupTicket, requireGroupTicket). */
export interface GroupWithTicket extends ResolvedGroup {
  /** A JWT (HS256) saying this server decrypted this group for this user. */
  ticket: string
  /** When the ticket expires, in ms since the epoch. */
  ticketExpiresAt: number
}

/** The 200 answer of the handlers. */
export interface GroupAnswer extends GroupWithTicket {
  /** The session id to send instead of a code next time (the warm path). */
  session: string
}

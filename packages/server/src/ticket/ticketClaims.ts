import type { JWTPayload } from 'jose'
import { isChatType, isGroupId, type ChatType, type GroupRoom, type ResolvedGroup, type Room } from '../shared/wire'
import { GroupTicketError } from './GroupTicketError'

/**
 * What a verified ticket says: the room (`roomId`, `roomType`, and `opengid` for a
 * group or `openSingleRoomid` for a single chat) and the user. Times are ms since the epoch.
 * A group's, as before rooms, unless `R` is `Room`: what a verifier with
 * `allowSingleChat: true` gives.
 */
export type GroupTicketClaims<R extends Room = GroupRoom> = R & {
  /** The user the server decrypted the room for (the ticket's `sub`). */
  openid: string
  chatType?: ChatType
  groupOpenid?: string
  issuedAt: number
  expiresAt: number
}

/** `iss` of every group ticket: with `aud` (the appId) it keeps other JWTs signed with the same secret out. */
export const TICKET_ISSUER = 'opengid'

/**
 * The private claims of a ticket for `group`; `iss`, `aud`, `sub`, `iat` and `exp`
 * are set by the signer. `gid` only for a group, so code that reads `gid` never
 * takes a single chat's id for a group's.
 */
export function groupClaims(group: ResolvedGroup): JWTPayload {
  const claims: JWTPayload = { rid: group.roomId, rty: group.roomType }
  if (group.opengid !== undefined) claims.gid = group.opengid
  if (group.chatType !== undefined) claims.ctp = group.chatType
  if (group.groupOpenid !== undefined) claims.gop = group.groupOpenid
  return claims
}

/**
 * The claims of a payload whose signature, issuer, audience and expiry jose has
 * checked. A ticket this package signed always passes, but a single chat's only
 * with `allowSingleChat`; one that does not was signed with the key by something
 * else, and is MALFORMED.
 */
export function readClaims(payload: JWTPayload, allowSingleChat: boolean): GroupTicketClaims<Room> {
  const { sub, ctp, gop, iat, exp } = payload
  if (typeof sub !== 'string' || sub === '') throw new GroupTicketError('MALFORMED')
  if (typeof iat !== 'number' || typeof exp !== 'number' || iat > exp) throw new GroupTicketError('MALFORMED')
  if ((ctp !== undefined && !isChatType(ctp)) || (gop !== undefined && !isGroupId(gop))) {
    throw new GroupTicketError('MALFORMED')
  }
  const room = readRoom(payload)
  if (room.roomType === 'single' && !allowSingleChat) throw new GroupTicketError('MALFORMED', SINGLE_REFUSED)
  const claims = { ...room, openid: sub, issuedAt: iat * 1000, expiresAt: exp * 1000 } as GroupTicketClaims<Room>
  if (ctp !== undefined) claims.chatType = ctp
  if (gop !== undefined) claims.groupOpenid = gop
  return claims
}

/**
 * What a verifier made without `allowSingleChat` says of a single chat's ticket: MALFORMED,
 * as every verifier before rooms said of a ticket without a gid, so that code written for
 * groups never reads a single chat's claims (no opengid) as a group's.
 */
const SINGLE_REFUSED =
  "the ticket is for a single chat, and this API takes groups' tickets only (verify with allowSingleChat: true to take single chats' too)"

/** A ticket without rid/rty was issued before rooms (v0.3): it names a group by its gid. */
function readRoom({ gid, rid = gid, rty = 'group' }: JWTPayload): Room {
  if (isGroupId(rid)) {
    if (rty === 'group' && gid === rid) return { roomType: 'group', roomId: rid, opengid: rid }
    if (rty === 'single' && gid === undefined) return { roomType: 'single', roomId: rid, openSingleRoomid: rid }
  }
  throw new GroupTicketError('MALFORMED')
}

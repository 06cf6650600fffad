import type { JWTPayload } from 'jose'
import { isChatType, isGroupId, type ChatType, type ResolvedGroup } from '../shared/wire'
import { GroupTicketError } from './GroupTicketError'

/** What a verified group ticket says. Times are ms since the epoch. */
export interface GroupTicketClaims {
  /** The user the server decrypted the group for (the ticket's `sub`). */
  openid: string
  opengid: string
  chatType?: ChatType
  groupOpenid?: string
  issuedAt: number
  expiresAt: number
}

/** `iss` of every group ticket: with `aud` (the appId) it keeps other JWTs signed with the same secret out. */
export const TICKET_ISSUER = 'opengid'

/** The private claims of a ticket for `group`; `iss`, `aud`, `sub`, `iat` and `exp` are set by the signer. */
export function groupClaims(group: ResolvedGroup): JWTPayload {
  const claims: JWTPayload = { gid: group.opengid }
  if (group.chatType !== undefined) claims.ctp = group.chatType
  if (group.groupOpenid !== undefined) claims.gop = group.groupOpenid
  return claims
}

/**
 * The claims of a payload whose signature, issuer, audience and expiry jose has
 * checked. A ticket this package signed always passes; one that does not was
 * signed with the secret by something else, and is MALFORMED.
 */
export function readClaims(payload: JWTPayload): GroupTicketClaims {
  const { sub, gid, ctp, gop, iat, exp } = payload
  if (typeof sub !== 'string' || sub === '' || !isGroupId(gid)) throw new GroupTicketError('MALFORMED')
  if (typeof iat !== 'number' || typeof exp !== 'number' || iat > exp) throw new GroupTicketError('MALFORMED')
  if ((ctp !== undefined && !isChatType(ctp)) || (gop !== undefined && !isGroupId(gop))) {
    throw new GroupTicketError('MALFORMED')
  }
  const claims: GroupTicketClaims = { openid: sub, opengid: gid, issuedAt: iat * 1000, expiresAt: exp * 1000 }
  if (ctp !== undefined) claims.chatType = ctp
  if (gop !== undefined) claims.groupOpenid = gop
  return claims
}

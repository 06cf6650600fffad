import { SignJWT } from 'jose'
import { checkNonEmptyString, checkWholeNumber } from '../shared/optionChecks'
import type { ResolvedGroup } from '../shared/wire'
import { groupClaims, TICKET_ISSUER } from './ticketClaims'
import { ticketSigner, type TicketSigningOptions } from './ticketSigner'

/** How long a group ticket is valid by default: two hours. */
export const DEFAULT_TICKET_TTL_SECONDS = 7200

export type TicketIssuerOptions = TicketSigningOptions & {
  appId: string
  /** Default DEFAULT_TICKET_TTL_SECONDS. */
  ticketTtlSeconds?: number
}

export interface IssuedTicket {
  ticket: string
  /** ms since the epoch. */
  ticketExpiresAt: number
}

/** Signs a ticket saying: at `now`, this server decrypted `group` for `openid`. */
export type IssueTicket = (openid: string, group: ResolvedGroup, now?: number) => Promise<IssuedTicket>

/** Checks the options once, at creation (TypeError), and signs with the key or the first secret. */
export function createTicketIssuer(options: TicketIssuerOptions): IssueTicket {
  const signer = ticketSigner(options)
  const { appId, ticketTtlSeconds = DEFAULT_TICKET_TTL_SECONDS } = options
  checkNonEmptyString(appId, 'appId')
  checkWholeNumber(ticketTtlSeconds, 'ticketTtlSeconds', 'seconds')
  return async (openid, group, now = Date.now()) => {
    const issuedAt = Math.floor(now / 1000)
    const expiresAt = issuedAt + ticketTtlSeconds
    const { alg, kid, key } = await signer()
    const ticket = await new SignJWT(groupClaims(group))
      .setProtectedHeader(kid === undefined ? { alg, typ: 'JWT' } : { alg, kid, typ: 'JWT' })
      .setIssuer(TICKET_ISSUER)
      .setAudience(appId)
      .setSubject(openid)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(key)
    return { ticket, ticketExpiresAt: expiresAt * 1000 }
  }
}

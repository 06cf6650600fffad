import { createTicketIssuer, type IssueTicket, type TicketIssuerOptions } from '../ticket/issueGroupTicket'

/** The configuration an issuer was made for: all of the options it reads. */
interface IssuerConfig {
  ticketSecret: unknown
  /** A copy: the caller may change its array in place. */
  ticketSecrets: unknown
  ticketKey: unknown
  appId: unknown
  ticketTtlSeconds: unknown
}

/**
 * The issuer of the last configuration seen. A cloud function passes a new
 * options object on every call (the caller's openid is in it), so the issuer is
 * found by what it was made from: making one per call imported the HMAC key
 * again for every ticket. One configuration is kept, as a function serves one
 * app with one secret; another configuration is checked and replaces it.
 */
let last: { config: IssuerConfig; issue: IssueTicket } | undefined

export function issuerFor(options: TicketIssuerOptions): IssueTicket {
  const { ticketSecret, ticketSecrets, ticketKey, appId, ticketTtlSeconds } = options
  const config: IssuerConfig = {
    ticketSecret,
    ticketKey,
    ticketSecrets: Array.isArray(ticketSecrets) ? [...ticketSecrets] : ticketSecrets,
    appId,
    ticketTtlSeconds,
  }
  if (last === undefined || !sameConfig(last.config, config)) {
    last = { config, issue: createTicketIssuer(options) }
  }
  return last.issue
}

function sameConfig(a: IssuerConfig, b: IssuerConfig): boolean {
  return (
    a.ticketSecret === b.ticketSecret &&
    sameSecrets(a.ticketSecrets, b.ticketSecrets) &&
    a.ticketKey === b.ticketKey &&
    a.appId === b.appId &&
    a.ticketTtlSeconds === b.ticketTtlSeconds
  )
}

function sameSecrets(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b
  return a.length === b.length && a.every((secret, index) => secret === b[index])
}

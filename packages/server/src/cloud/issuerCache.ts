import { lastConfiguration } from '../shared/lastConfiguration'
import { createTicketIssuer, type TicketIssuerOptions } from '../ticket/issueGroupTicket'

/**
 * The issuer of the last configuration seen: a cloud function passes a new options
 * object on every call (the caller's openid is in it), and serves one app with one secret.
 */
export const issuerFor = lastConfiguration(
  ({ ticketSecret, ticketSecrets, ticketKey, appId, ticketTtlSeconds }: TicketIssuerOptions) => [
    ticketSecret,
    ticketSecrets,
    ticketKey,
    appId,
    ticketTtlSeconds,
  ],
  createTicketIssuer,
)

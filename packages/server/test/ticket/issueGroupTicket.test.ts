import { MIN_TICKET_SECRET_BYTES } from '@opengid/server'
import { createTicketIssuer } from '../../src/ticket/issueGroupTicket'
import { APP_ID, TICKET_SECRET } from '../support/fixtures'

describe('ticket options are checked at creation', () => {
  test.each([
    ['no secret', {}],
    ['a short secret', { ticketSecret: 'x'.repeat(MIN_TICKET_SECRET_BYTES - 1) }],
    ['both forms', { ticketSecret: TICKET_SECRET, ticketSecrets: [TICKET_SECRET] }],
    ['an empty ticketSecrets', { ticketSecrets: [] }],
    ['a short secret in ticketSecrets', { ticketSecrets: [TICKET_SECRET, 'short'] }],
    ['a ticketTtlSeconds of 0', { ticketSecret: TICKET_SECRET, ticketTtlSeconds: 0 }],
    ['a fractional ticketTtlSeconds', { ticketSecret: TICKET_SECRET, ticketTtlSeconds: 1.5 }],
  ])('%s: a TypeError that does not quote the secret', (_name, options) => {
    const create = () => createTicketIssuer({ appId: APP_ID, ...options } as Parameters<typeof createTicketIssuer>[0])
    expect(create).toThrow(TypeError)
    try {
      create()
    } catch (error) {
      expect((error as Error).message).not.toContain('x'.repeat(8))
      expect((error as Error).message).not.toContain(TICKET_SECRET)
    }
  })
})

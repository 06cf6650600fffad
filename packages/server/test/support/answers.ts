import type { ResolvedGroup } from '@opengid/server'
import type { Answer } from './http'

/** The shape of a session id the handlers make: base64url of 24 random bytes. */
export const SESSION_ID = /^[A-Za-z0-9_-]{32}$/

/** What a 200 answer for `group` must be: exactly the group, plus a ticket and a session. */
export function groupAnswer(group: ResolvedGroup) {
  return {
    ...group,
    ticket: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    ticketExpiresAt: expect.any(Number),
    session: expect.stringMatching(SESSION_ID),
  }
}

/** The session id of a 200 answer; anything else fails the test with the answer. */
export function sessionOf(answer: Answer): string {
  const { session } = answer.json
  if (typeof session !== 'string')
    throw new Error(`expected an answer with a session, got ${answer.status} ${answer.text}`)
  return session
}

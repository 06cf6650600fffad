import type { ChatType, ResolvedGroup } from '@opengid/server'
import type { Answer } from './http'

/** The shape of a session id the handlers make: base64url of 24 random bytes. */
export const SESSION_ID = /^[A-Za-z0-9_-]{32}$/

/** A group as the tests name it, `{ opengid }`, or any room. */
export type GroupOrRoom = ResolvedGroup | { opengid: string; chatType?: ChatType; groupOpenid?: string }

/** The room a test's `{ opengid }` names: a group room with that id. */
export function roomOf(group: GroupOrRoom): ResolvedGroup {
  return 'roomType' in group ? group : { roomType: 'group', roomId: group.opengid, ...group }
}

/** What a 200 answer for `group` must be: exactly the room, plus a ticket and a session. */
export function groupAnswer(group: GroupOrRoom) {
  return {
    ...roomOf(group),
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

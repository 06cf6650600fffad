import { randomBytes } from 'node:crypto'

/** 192 random bits: unguessable, and the id is all a warm request needs to use the session. */
const SESSION_ID_BYTES = 24
const SESSION_ID = /^[A-Za-z0-9_-]{32}$/

export function newSessionId(): string {
  return randomBytes(SESSION_ID_BYTES).toString('base64url')
}

/** Whether `value` could be an id this package made; anything else is not looked up. */
export function isSessionId(value: string): boolean {
  return SESSION_ID.test(value)
}

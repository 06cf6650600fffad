import { randomBytes } from 'node:crypto'
import { OpenDataError } from '../openData/OpenDataError'
import type { ResolvedGroup } from '../shared/wire'
import { sessionExpired } from './SessionError'
import { readSessionRecord, type SessionRecord, type SessionStore } from './sessionStore'

/** Reads the request's group with a session key; throws OpenDataError when it cannot. */
export type ReadGroup = (sessionKey: string) => ResolvedGroup

export interface SessionGroup {
  session: string
  openid: string
  group: ResolvedGroup
}

/**
 * The cold path: a login code for a session key, the group read with it, then a
 * new session for the next request. Nothing is stored for data that fails.
 */
export async function startSession(
  sessions: SessionStore,
  login: () => Promise<SessionRecord>,
  readGroup: ReadGroup,
): Promise<SessionGroup> {
  const session = newSessionId()
  // A read of the new id first: a code works once, so it is spent on WeChat only
  // when the store answers now. One lookup per login, against a failing store a
  // 503 within the store's deadline and a code the client can still use.
  await sessions.get(session)
  const record = await login()
  const group = readGroup(record.sessionKey)
  await sessions.set(session, record)
  return { session, openid: record.openid, group }
}

/**
 * The warm path. Data that fails under a stored key deletes the session, and every
 * such failure gets the one answer an unknown session gets: without that, a client
 * could probe altered ciphertexts against one key for free (a padding oracle);
 * with it, each probe costs a fresh login.
 */
export async function resumeSession(
  sessions: SessionStore,
  session: string,
  readGroup: ReadGroup,
): Promise<SessionGroup> {
  // A custom store may answer anything; only a whole record counts as a session.
  const record = isSessionId(session) ? readSessionRecord(await sessions.get(session)) : undefined
  if (record === undefined) throw sessionExpired()
  try {
    return { session, openid: record.openid, group: readGroup(record.sessionKey) }
  } catch (error) {
    if (!(error instanceof OpenDataError)) throw error
    await sessions.delete(session)
    throw sessionExpired()
  }
}

/** 192 random bits: unguessable, and the id is all a warm request needs to use the session. */
const SESSION_ID_BYTES = 24
const SESSION_ID = /^[A-Za-z0-9_-]{32}$/

function newSessionId(): string {
  return randomBytes(SESSION_ID_BYTES).toString('base64url')
}

/** Whether `value` could be an id this package made; anything else is not looked up. */
function isSessionId(value: string): boolean {
  return SESSION_ID.test(value)
}

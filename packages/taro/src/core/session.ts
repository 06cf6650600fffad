import { isText } from './plan'
import { httpStatusError, serverError } from './serverError'
import type { BridgeStorage, GroupBridge } from './types'
import { MAX_CREDENTIAL_LENGTH, SESSION_EXPIRED, type Credentials } from './wire'

export type { Credentials }

/** Where the server session id is kept between launches (bridge.storage). */
export const SESSION_STORAGE_KEY = 'opengid.session'

export interface PreparedSession {
  credentials: Credentials
  storage?: BridgeStorage
}

/**
 * Runs a storage call of any bridge safely: a store that throws (full, a private
 * window, a custom one with a bug) keeps nothing, and the next launch logs in, which
 * always works. A server's 200 never becomes an error because a session was not kept.
 */
function quietly<T>(run: () => T): T | undefined {
  try {
    return run()
  } catch {
    return undefined
  }
}

const isSessionId = (value: unknown): value is string => isText(value) && value.length <= MAX_CREDENTIAL_LENGTH

/**
 * The warm path, or a login whose code the server exchanges. A stored session goes
 * out as it is, with no wx.checkSession first: the server's answer is the check. When
 * the key rotated (another wx.login) or expired since the session was made, the
 * payload no longer decrypts under it, the server answers SESSION_EXPIRED and drops
 * the session, and the attempt starts again from login: one extra round then, instead
 * of a call on the critical path of every warm launch. A stored value that cannot be
 * a session (not text, too long for the server) is dropped unsent.
 */
export async function prepareSession(bridge: GroupBridge): Promise<PreparedSession> {
  const { storage } = bridge
  const stored: unknown = storage && quietly(() => storage.get(SESSION_STORAGE_KEY))
  if (isSessionId(stored)) return { credentials: { session: stored }, storage }
  if (stored) forget(storage)
  return { credentials: { code: (await bridge.login()).code }, storage }
}

/** What a resolver sent and where it keeps the session; neither when it does not log in (`login: false`). */
interface SessionHolder {
  credentials: { session?: string }
  storage?: BridgeStorage
}

/** Keeps the session a 200 answer carries, for the next launch's warm path. */
export function keepSession({ storage }: SessionHolder, answer: unknown): void {
  const session = (answer as { session?: unknown } | null)?.session
  if (storage && isSessionId(session)) quietly(() => storage.set(SESSION_STORAGE_KEY, session))
}

const forget = (storage: BridgeStorage | undefined) => storage && quietly(() => storage.remove(SESSION_STORAGE_KEY))

/**
 * Whether a refusal names the session the request sent, and if so forgets it, so the
 * attempt's fresh start logs in. The server says SESSION_EXPIRED for a session it does
 * not know; an older one, or a proxy, may say 400 (or 413) for one it cannot read.
 * Either way one login settles it: if the session was not the problem, the cold request
 * gets the same answer, and that one is final.
 */
function refusesSession({ storage, credentials }: SessionHolder, status: number, code?: string): boolean {
  const refused = credentials.session !== undefined && (code === SESSION_EXPIRED || status === 400 || status === 413)
  if (refused) forget(storage)
  return refused
}

/** The error for a non-2xx answer to a resolver request; stale when it refused the session sent. */
export function refusal(what: string, response: { statusCode: number; data: unknown }, sent: SessionHolder) {
  const server = serverError(response.data)
  return httpStatusError(what, response, refusesSession(sent, response.statusCode, server && server.code))
}

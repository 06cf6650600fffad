import type { BridgeStorage, GroupBridge } from './types'

/** Where the server session id is kept between launches (bridge.storage). */
export const SESSION_STORAGE_KEY = 'opengid.session'

/** What a resolver sends to prove who the user is: a fresh login's code, or a server session. */
export type Credentials = { code: string; session?: undefined } | { session: string; code?: undefined }

export interface PreparedSession {
  credentials: Credentials
  storage?: BridgeStorage
}

/**
 * Login or the warm path. A session the server made at an earlier login is used while
 * WeChat says that login's key is still valid: checkSession speaks of the most recent
 * login only, which is the one the stored session was made from (the kit logs in for
 * nothing else). Otherwise a login, whose code the server exchanges.
 */
export async function prepareSession(bridge: GroupBridge): Promise<PreparedSession> {
  const { storage } = bridge
  const session = storage?.get(SESSION_STORAGE_KEY)
  if (session && bridge.checkSession) {
    if (await bridge.checkSession().catch(() => false)) return { credentials: { session }, storage }
    storage?.remove(SESSION_STORAGE_KEY)
  }
  return { credentials: { code: (await bridge.login()).code }, storage }
}

/** Keeps the session a 200 answer carries, for the next launch's warm path. */
export function keepSession(prepared: PreparedSession, answer: unknown): void {
  const session = (answer as { session?: unknown } | null)?.session
  if (typeof session === 'string' && session) prepared.storage?.set(SESSION_STORAGE_KEY, session)
}

/** The server lost the session: forget it, so the attempt's fresh start logs in. */
export function dropSession(prepared: PreparedSession): void {
  prepared.storage?.remove(SESSION_STORAGE_KEY)
}

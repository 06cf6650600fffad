import type { GroupEnterError } from './GroupEnterError'
import { isText } from './plan'
import type { BridgeStorage, GroupBridge } from './types'
import { SESSION_EXPIRED, type Credentials } from './wire'

export type { Credentials }

/** Where the server session id is kept between launches (bridge.storage). */
export const SESSION_STORAGE_KEY = 'opengid.session'

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

/** Where a resolver keeps the session; none when it does not log in (`login: false`). */
type SessionHolder = Pick<PreparedSession, 'storage'>

/** Keeps the session a 200 answer carries, for the next launch's warm path. */
export function keepSession({ storage }: SessionHolder, answer: unknown): void {
  const session = (answer as { session?: unknown } | null)?.session
  if (storage && isText(session)) storage.set(SESSION_STORAGE_KEY, session)
}

/** When the server has lost the session, forget it too, so the attempt's fresh start logs in. */
export function forgetExpiredSession({ storage }: SessionHolder, error: GroupEnterError): void {
  if (storage && error.serverCode === SESSION_EXPIRED) storage.remove(SESSION_STORAGE_KEY)
}

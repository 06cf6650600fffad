import { checkWholeNumber } from '../shared/optionChecks'
import { guardStore, type StoreOperation } from '../stores/guardStore'
import { storedObject } from '../stores/storedObject'
import { SessionError } from './SessionError'

/** What the server keeps for a session: who the user is and the key their data is encrypted with. */
export interface SessionRecord {
  openid: string
  unionid?: string
  /** base64; never leaves the server. */
  sessionKey: string
}

/**
 * Where sessions live between requests. Each store forgets a record at the
 * latest its own time to live after `set` (memorySessionStore and
 * redisSessionStore take `ttlSeconds`). `get` answers undefined for an id it
 * does not have. A failure rejects; the handler answers it 503, without the
 * store's own error.
 */
export interface SessionStore {
  get(id: string): Promise<SessionRecord | undefined>
  set(id: string, record: SessionRecord): Promise<void>
  delete(id: string): Promise<void>
}

/** How long a session lives unless a store is told otherwise: 7 days (WeChat's checkSession decides first). */
export const DEFAULT_SESSION_TTL_SECONDS = 7 * 24 * 60 * 60

export function checkTtlSeconds(ttlSeconds: unknown): number {
  if (ttlSeconds === undefined) return DEFAULT_SESSION_TTL_SECONDS
  checkWholeNumber(ttlSeconds, 'ttlSeconds', 'seconds')
  return ttlSeconds
}

const VERBS: Record<StoreOperation, string> = { get: 'read', set: 'write', delete: 'delete' }

/**
 * The store as one request uses it: any failure, or an operation still pending
 * after `timeoutMs()`, becomes SessionError STORE_UNAVAILABLE (503), quoting
 * nothing of the original error but a system code.
 */
export function guardSessionStore(store: SessionStore, timeoutMs: () => number): SessionStore {
  return guardStore(
    store,
    (operation, code) => {
      throw new SessionError(
        'STORE_UNAVAILABLE',
        `the session store failed to ${VERBS[operation]} a session${code === undefined ? '' : ` (${code})`}: check that it is reachable`,
      )
    },
    timeoutMs,
  )
}

/** A record as stored text: only the three known fields, so nothing else rides along. */
export function serializeRecord({ openid, unionid, sessionKey }: SessionRecord): string {
  return JSON.stringify(unionid === undefined ? { openid, sessionKey } : { openid, unionid, sessionKey })
}

/**
 * A stored value (Redis text, or whatever a custom store answers) as a record of
 * only the three known fields; anything else (another app's key, a truncated
 * value) counts as no session.
 */
export function readSessionRecord(value: unknown): SessionRecord | undefined {
  const record = storedObject(value)
  const openid = record?.openid
  const sessionKey = record?.sessionKey
  if (typeof openid !== 'string' || typeof sessionKey !== 'string') return undefined
  const unionid = record?.unionid
  return typeof unionid === 'string' ? { openid, unionid, sessionKey } : { openid, sessionKey }
}

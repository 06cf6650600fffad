import { storedObject } from '../../stores/storedObject'

/** An access token and when it stops working (ms since the epoch). */
export interface AccessTokenRecord {
  token: string
  expiresAt: number
}

/**
 * Where access tokens live, one per appId. `set` keeps a record for
 * `ttlSeconds` at most (until the token expires). `get` answers undefined for an
 * appId it has nothing for. memoryTokenStore serves one server instance;
 * redisTokenStore lets several share one token.
 */
export interface AccessTokenStore {
  get(appId: string): Promise<AccessTokenRecord | undefined>
  set(appId: string, record: AccessTokenRecord, ttlSeconds: number): Promise<void>
  delete(appId: string): Promise<void>
}

/** A record as stored text: only its two fields. */
export function serializeTokenRecord({ token, expiresAt }: AccessTokenRecord): string {
  return JSON.stringify({ token, expiresAt })
}

/** A stored value (Redis text, or whatever a custom store answers) as a record; anything else counts as no token. */
export function readTokenRecord(value: unknown): AccessTokenRecord | undefined {
  const record = storedObject(value)
  const token = record?.token
  const expiresAt = record?.expiresAt
  if (typeof token !== 'string' || token === '' || typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) {
    return undefined
  }
  return { token, expiresAt }
}

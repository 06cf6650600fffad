import { reportInternalError, type InternalErrorReporter } from '../../shared/reportInternalError'
import { guardStore, type StoreOperation } from '../../stores/guardStore'
import { readTokenRecord, type AccessTokenStore } from './tokenStore'

/** What the cache does about each failure, for the report. */
const FAILURES: Record<StoreOperation, [verb: string, consequence: string]> = {
  get: ['read', 'WeChat is asked instead'],
  set: ['keep', 'the next call asks WeChat again'],
  delete: ['drop', 'other instances use the refused token until WeChat refuses it to them too'],
}

/** The store as the cache uses it, and whether its last operation failed. */
export type TolerantTokenStore = AccessTokenStore & { readonly failing: boolean }

/**
 * The store as the cache uses it: it never rejects. The store only saves
 * requests (WeChat hands every caller the same stable token), so a store that
 * fails costs a request to WeChat, not the call the token is for: a failed read
 * counts as no token, a failed write or delete is skipped. Each failure goes to
 * `report` quoting nothing of the store's error but a system code. An operation
 * still pending after `timeoutMs` is such a failure (ETIMEDOUT).
 */
export function tolerantTokenStore(
  store: AccessTokenStore,
  report: InternalErrorReporter | undefined,
  timeoutMs: number,
): TolerantTokenStore {
  let failing = false
  const answered = <T>(value: T) => {
    failing = false
    return value
  }
  const checked: AccessTokenStore = {
    get: async (appId) => answered(readTokenRecord(await store.get(appId))),
    set: async (appId, record, ttlSeconds) => answered(await store.set(appId, record, ttlSeconds)),
    delete: async (appId) => answered(await store.delete(appId)),
  }
  const guarded = guardStore(
    checked,
    (operation, code) => {
      failing = true
      const [verb, consequence] = FAILURES[operation]
      const message = `the access token store failed to ${verb} the token${code === undefined ? '' : ` (${code})`}: ${consequence}`
      reportInternalError(report, new Error(message))
      return undefined
    },
    () => timeoutMs,
  )
  return {
    ...guarded,
    get failing() {
      return failing
    },
  }
}

import { reportInternalError, type InternalErrorReporter } from '../../shared/reportInternalError'
import { guardStore, type StoreOperation } from '../../stores/guardStore'
import { readTokenRecord, type AccessTokenStore } from './tokenStore'

/** What the cache does about each failure, for the report. */
const FAILURES: Record<StoreOperation, [verb: string, consequence: string]> = {
  get: ['read', 'WeChat is asked instead'],
  set: ['keep', 'the next call asks WeChat again'],
  delete: ['drop', 'other instances use the refused token until WeChat refuses it to them too'],
}

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
): AccessTokenStore {
  const checked: AccessTokenStore = {
    get: async (appId) => readTokenRecord(await store.get(appId)),
    set: (appId, record, ttlSeconds) => store.set(appId, record, ttlSeconds),
    delete: (appId) => store.delete(appId),
  }
  return guardStore(
    checked,
    (operation, code) => {
      const [verb, consequence] = FAILURES[operation]
      const message = `the access token store failed to ${verb} the token${code === undefined ? '' : ` (${code})`}: ${consequence}`
      reportInternalError(report, new Error(message))
      return undefined
    },
    () => timeoutMs,
  )
}

import { reportInternalError, type InternalErrorReporter } from '../../shared/reportInternalError'
import { systemErrorCode } from '../../shared/systemErrorCode'
import { readTokenRecord, type AccessTokenStore } from './tokenStore'

/**
 * The store as the cache uses it: it never rejects. The store only saves
 * requests (WeChat hands every caller the same stable token), so a store that
 * fails costs a request to WeChat, not the call the token is for: a failed read
 * counts as no token, a failed write or delete is skipped. Each failure goes to
 * `report` quoting nothing of the store's error but a system code: a Redis
 * client's error can carry the command's arguments, and a SET's hold the token.
 */
export function tolerantTokenStore(store: AccessTokenStore, report: InternalErrorReporter): AccessTokenStore {
  const attempt = async <R>(run: () => Promise<R>, operation: string, consequence: string): Promise<R | undefined> => {
    try {
      return await run()
    } catch (error) {
      const code = systemErrorCode(error)
      const message = `the access token store failed to ${operation} the token${code === undefined ? '' : ` (${code})`}: ${consequence}`
      reportInternalError(report, new Error(message))
      return undefined
    }
  }
  return {
    get: (appId) => attempt(async () => readTokenRecord(await store.get(appId)), 'read', 'WeChat is asked instead'),
    set: (appId, record, ttlSeconds) =>
      attempt(() => store.set(appId, record, ttlSeconds), 'keep', 'the next call asks WeChat again'),
    delete: (appId) =>
      attempt(
        () => store.delete(appId),
        'drop',
        'other instances use the refused token until WeChat refuses it to them too',
      ),
  }
}

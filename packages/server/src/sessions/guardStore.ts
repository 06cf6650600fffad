import { systemErrorCode } from '../shared/systemErrorCode'
import { SessionError } from './SessionError'
import type { SessionStore } from './sessionStore'

/**
 * The store as the resolver uses it: any failure becomes SessionError
 * STORE_UNAVAILABLE (503), quoting nothing of the original error but a system
 * code. A Redis client's error can carry the command's arguments, and a SET's
 * arguments hold the session key.
 */
export function guardStore(store: SessionStore): SessionStore {
  const guarded =
    <A extends unknown[], R>(operation: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(...args)
      } catch (error) {
        const code = systemErrorCode(error)
        throw new SessionError(
          'STORE_UNAVAILABLE',
          `the session store failed to ${operation} a session${code === undefined ? '' : ` (${code})`}: check that it is reachable`,
        )
      }
    }
  return {
    get: guarded('read', (id) => store.get(id)),
    set: guarded('write', (id, record) => store.set(id, record)),
    delete: guarded('delete', (id) => store.delete(id)),
  }
}

import { withDeadline } from '../shared/deadline'
import { checkPositiveFinite } from '../shared/optionChecks'
import { systemErrorCode } from '../shared/systemErrorCode'

/** What every store of this package does: the session stores and the access token stores alike. */
export type StoreOperation = 'get' | 'set' | 'delete'

type Store = Record<StoreOperation, (...args: never[]) => Promise<unknown>>

/** The store as guardStore hands it on: an operation that failed answers what `failed` returned. */
type GuardedStore<S extends Store> = {
  [K in StoreOperation]: (...args: Parameters<S[K]>) => Promise<Awaited<ReturnType<S[K]>> | undefined>
}

/** How long a store operation may take unless told otherwise: a Redis round trip is a millisecond or so. */
export const DEFAULT_STORE_TIMEOUT_MS = 1000

/**
 * Hands each failure of `store` to `failed`, which throws (the sessions: the
 * request cannot go on) or returns undefined (the tokens: WeChat is asked
 * instead). An operation still pending after `timeoutMs()` is such a failure
 * (ETIMEDOUT): a Redis client queues commands while it reconnects, for as long as
 * its own settings say, and a request must not wait that long. `failed` gets
 * nothing of the store's own error but its system code: a Redis client's error
 * can carry the command's arguments, and a SET's arguments hold a session key or
 * a token.
 */
export function guardStore<S extends Store>(
  store: S,
  failed: (operation: StoreOperation, code: string | undefined) => undefined,
  timeoutMs: () => number,
): GuardedStore<S> {
  const guarded =
    (operation: StoreOperation) =>
    async (...args: never[]): Promise<unknown> => {
      try {
        // A store that throws instead of rejecting is a failure like any other.
        const work = (async () => store[operation](...args))()
        return await withDeadline(work, timeoutMs(), storeTimedOut)
      } catch (error) {
        return failed(operation, systemErrorCode(error))
      }
    }
  // Each operation takes and answers what the store's does, or what `failed` returned.
  return { get: guarded('get'), set: guarded('set'), delete: guarded('delete') } as GuardedStore<S>
}

function storeTimedOut(): Error {
  return Object.assign(new Error('the store did not answer in time'), { code: 'ETIMEDOUT' })
}

/** A `storeTimeoutMs` option, checked: a TypeError at creation rather than a hang later. */
export function storeTimeout(option: unknown): number {
  if (option === undefined) return DEFAULT_STORE_TIMEOUT_MS
  checkPositiveFinite(option, 'storeTimeoutMs')
  return option
}

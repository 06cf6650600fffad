import { systemErrorCode } from '../shared/systemErrorCode'

/** What every store of this package does: the session stores and the access token stores alike. */
export type StoreOperation = 'get' | 'set' | 'delete'

type Store = Record<StoreOperation, (...args: never[]) => Promise<unknown>>

/** The store as guardStore hands it on: an operation that failed answers what `failed` returned. */
type GuardedStore<S extends Store> = {
  [K in StoreOperation]: (...args: Parameters<S[K]>) => Promise<Awaited<ReturnType<S[K]>> | undefined>
}

/**
 * Hands each failure of `store` to `failed`, which throws (the sessions: the
 * request cannot go on) or returns undefined (the tokens: WeChat is asked
 * instead). `failed` gets nothing of the store's own error but its system code:
 * a Redis client's error can carry the command's arguments, and a SET's
 * arguments hold a session key or a token.
 */
export function guardStore<S extends Store>(
  store: S,
  failed: (operation: StoreOperation, code: string | undefined) => undefined,
): GuardedStore<S> {
  const guarded =
    (operation: StoreOperation) =>
    async (...args: never[]): Promise<unknown> => {
      try {
        return await store[operation](...args)
      } catch (error) {
        return failed(operation, systemErrorCode(error))
      }
    }
  // Each operation takes and answers what the store's does, or what `failed` returned.
  return { get: guarded('get'), set: guarded('set'), delete: guarded('delete') } as GuardedStore<S>
}

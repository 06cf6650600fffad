import type { GroupEnterStore } from './store'
import type { GroupEnterState } from './types'

/** The store's state once `done` holds for it: at once when it already does. */
export function whenState(store: GroupEnterStore, done: (state: GroupEnterState) => boolean): Promise<GroupEnterState> {
  if (done(store.getState())) return Promise.resolve(store.getState())
  return new Promise((resolve) => {
    const unsubscribe = store.subscribe(() => {
      if (!done(store.getState())) return
      unsubscribe()
      resolve(store.getState())
    })
  })
}

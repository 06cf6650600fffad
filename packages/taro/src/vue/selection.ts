import { onScopeDispose, shallowReadonly, shallowRef, type ShallowRef } from 'vue'
import type { GroupEnterStore } from '../core/store'
import type { GroupEnterState } from '../core/types'

/**
 * A ref of `select(state)` that changes only when the selection does (by `isEqual`),
 * so a render that reads it re-runs only then. It stops listening with the calling
 * scope (the component's, on unmount): a late answer updates nothing. Read-only, as
 * Vue's own computed refs are: the store is the one source, so `ref.value = 'G_FORGED'`
 * changes nothing (Vue warns in development).
 */
export function selectionRef<T>(
  store: GroupEnterStore,
  select: (state: GroupEnterState) => T,
  isEqual: (a: T, b: T) => boolean,
): Readonly<ShallowRef<T>> {
  // Shallow: the state is replaced, never mutated, and the error stays the thrown object.
  const selection = shallowRef(select(store.getState()))
  onScopeDispose(
    store.subscribe(() => {
      const next = select(store.getState())
      if (!isEqual(selection.value, next)) selection.value = next
    }),
  )
  // Shallow, like the ref: the value itself is handed out as it is.
  return shallowReadonly(selection)
}

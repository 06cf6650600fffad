import { useContext, useMemo, useSyncExternalStore } from 'react'
import { StoreContext } from './context'
import { selectOpenGid } from '../core/selectors'
import type { GroupEnterStore } from '../core/store'
import type { GroupEnterInfo, GroupEnterState } from '../core/types'

export type { GroupEnterInfo }

export function useGroupEnterStore(hook: string): GroupEnterStore {
  const store = useContext(StoreContext)
  if (!store) {
    throw new Error(
      `${hook} must be used inside <GroupContext>: wrap your app (app.tsx) in <GroupContext resolver={httpResolver({ url })}>.`,
    )
  }
  return store
}

/**
 * Reads the group-enter state. With a selector, the component re-renders only when
 * the selected value changes (by `isEqual`, default `Object.is`).
 */
export function useGroupEnterInfo(): GroupEnterInfo
export function useGroupEnterInfo<T>(selector: (state: GroupEnterState) => T, isEqual?: (a: T, b: T) => boolean): T
export function useGroupEnterInfo<T>(
  selector?: (state: GroupEnterState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T | GroupEnterInfo {
  const store = useGroupEnterStore('useGroupEnterInfo')
  // Memoises per store snapshot and keeps the previous selection when it is equal,
  // so an unchanged selection is the same value and React bails out.
  const getSelection = useMemo(() => {
    let memo: { state: GroupEnterState; selection: T | GroupEnterState } | undefined
    return () => {
      const state = store.getState()
      if (!selector) return state
      if (!memo || memo.state !== state) {
        const next = selector(state)
        memo = { state, selection: memo && isEqual(memo.selection as T, next) ? memo.selection : next }
      }
      return memo.selection
    }
  }, [store, selector, isEqual])
  const selection = useSyncExternalStore(store.subscribe, getSelection, getSelection)
  return useMemo(
    () => (selector ? (selection as T) : Object.assign({ refresh: store.refresh }, selection as GroupEnterState)),
    [selection, selector, store],
  )
}

/** The resolved opengid, or undefined until there is one. */
export function useOpenGid(): string | undefined {
  return useGroupEnterInfo(selectOpenGid)
}

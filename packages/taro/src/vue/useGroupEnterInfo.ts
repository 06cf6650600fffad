import type { ShallowRef } from 'vue'
import { selectOpenGid } from '../core/selectors'
import type { GroupEnterInfo, GroupEnterState } from '../core/types'
import { injectGroupStore } from './context'
import { selectionRef } from './selection'

export type { GroupEnterInfo }

/**
 * The group-enter state as a ref. With a selector, the ref (and every render that
 * reads it) changes only when the selected value changes (by `isEqual`, default
 * `Object.is`).
 */
export function useGroupEnterInfo(): Readonly<ShallowRef<GroupEnterInfo>>
export function useGroupEnterInfo<T>(
  selector: (state: GroupEnterState) => T,
  isEqual?: (a: T, b: T) => boolean,
): Readonly<ShallowRef<T>>
export function useGroupEnterInfo<T>(
  selector?: (state: GroupEnterState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): Readonly<ShallowRef<T | GroupEnterInfo>> {
  const store = injectGroupStore('useGroupEnterInfo')
  if (selector) return selectionRef(store, selector, isEqual)
  // The store notifies only when its state changed, so a fresh object each time is right.
  return selectionRef(store, (state) => Object.assign({ refresh: store.refresh }, state), Object.is)
}

/** The resolved opengid, or undefined until there is one. */
export function useOpenGid(): Readonly<ShallowRef<string | undefined>> {
  return selectionRef(injectGroupStore('useOpenGid'), selectOpenGid, Object.is)
}

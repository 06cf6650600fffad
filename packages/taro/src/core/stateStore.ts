import type { EnterState } from './types'

/** The subscribable state: replaced, never mutated, and heard of only when it really changed. */
export interface StateStore {
  getState(): EnterState
  setState(next: EnterState): void
  subscribe(listener: () => void): () => void
}

// One level deep is enough: a state's values are strings, numbers and the one error object.
function shallowEqual(a: EnterState, b: EnterState): boolean {
  const keys = Object.keys(a) as (keyof EnterState)[]
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]))
}

export function createStateStore(initial: EnterState): StateStore {
  const listeners = new Set<() => void>()
  let state = initial
  return {
    getState: () => state,
    setState(next) {
      if (shallowEqual(state, next)) return
      state = next
      listeners.forEach((listener) => listener())
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

/**
 * WeChat's mini-program JS runtime has no AbortController, so the kit carries a
 * minimal one (`signal.aborted`, `signal.reason` and abort listeners: what a
 * resolver needs to stop its work) and uses the platform's own wherever it exists.
 */
export interface Aborter {
  readonly signal: AbortSignal
  abort(reason?: unknown): void
}

type Listener = () => void

/** Thrown inside an attempt when its entry was superseded or abandoned; never reported. */
export const ABORTED = new Error('aborted')

/** What a step that has nothing to wait for awaits. */
export const DONE = Promise.resolve()

function createFallbackAborter(): Aborter {
  const listeners: Listener[] = []
  const signal = {
    aborted: false,
    reason: undefined as unknown,
    // 'abort' is the only event a signal has.
    addEventListener(_type: string, listener: Listener) {
      listeners.push(listener)
    },
    removeEventListener(_type: string, listener: Listener) {
      const i = listeners.indexOf(listener)
      if (i >= 0) listeners.splice(i, 1)
    },
  }
  return {
    signal: signal as unknown as AbortSignal,
    abort(reason?: unknown) {
      if (signal.aborted) return
      signal.aborted = true
      signal.reason = reason || ABORTED
      listeners.slice().forEach((listener) => listener())
    },
  }
}

export function createAborter(): Aborter {
  return typeof AbortController === 'function' ? new AbortController() : createFallbackAborter()
}

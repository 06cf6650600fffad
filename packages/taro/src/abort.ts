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

function createFallbackAborter(): Aborter {
  const listeners: Listener[] = []
  const signal = {
    aborted: false,
    reason: undefined as unknown,
    addEventListener(type: string, listener: Listener) {
      if (type === 'abort') listeners.push(listener)
    },
    removeEventListener(type: string, listener: Listener) {
      const i = listeners.indexOf(listener)
      if (type === 'abort' && i !== -1) listeners.splice(i, 1)
    },
  }
  return {
    signal: signal as unknown as AbortSignal,
    abort(reason?: unknown) {
      if (signal.aborted) return
      signal.aborted = true
      signal.reason = reason || new Error('aborted')
      listeners.slice().forEach((listener) => listener())
    },
  }
}

export function createAborter(): Aborter {
  return typeof AbortController === 'function' ? new AbortController() : createFallbackAborter()
}

import { ABORTED, DONE } from './abort'

/**
 * Where attempts wait while their store is stopped (its provider unmounted). A
 * binding may stop and start again in the same tick (a provider remounted at once,
 * as React's StrictMode does), so a stopped store's in-flight work is abandoned only
 * a tick later: such a restart picks it up instead of calling the bridge again.
 */
export interface PauseGate {
  /**
   * Awaited before every step of an attempt: passes while open, waits while closed,
   * and rejects with ABORTED once `signal` has aborted, so an answer already queued
   * at unmount goes no further. (An aborted attempt has already lost its race in
   * withTimeout: it only has to stop, not to end its wait early.)
   */
  pass(signal: AbortSignal): Promise<void>
  open(): void
  /** `abandon` runs a tick later, unless the gate is opened again before then. */
  close(abandon: () => void): void
}

export function createPauseGate(): PauseGate {
  let opened = DONE
  let wake = () => {}
  let pendingAbandon: ReturnType<typeof setTimeout> | undefined
  return {
    pass: (signal) =>
      opened.then(() => {
        if (signal.aborted) throw ABORTED
      }),
    open() {
      clearTimeout(pendingAbandon)
      wake()
    },
    close(abandon) {
      opened = new Promise((resolve) => (wake = resolve))
      pendingAbandon = setTimeout(abandon, 0)
    },
  }
}

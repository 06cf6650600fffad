export interface Timers {
  setTimeout(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): NodeJS.Timeout
  clearTimeout(timer: NodeJS.Timeout | undefined): void
  /** Timers scheduled and not yet run or cleared: 0 when the app has nothing left to do. */
  readonly pending: number
  clearAll(): void
}

/**
 * The app's timers, tracked so the host can tell when the app has settled
 * and cancel everything of it when it closes.
 */
export function createTimers(): Timers {
  const pending = new Set<NodeJS.Timeout>()
  return {
    setTimeout(callback, ms, ...args) {
      const timer = setTimeout(() => {
        pending.delete(timer)
        callback(...args)
      }, ms)
      pending.add(timer)
      return timer
    },
    clearTimeout(timer) {
      if (timer === undefined) return
      pending.delete(timer)
      clearTimeout(timer)
    },
    get pending() {
      return pending.size
    },
    clearAll() {
      pending.forEach((timer) => clearTimeout(timer))
      pending.clear()
    },
  }
}

/**
 * `work`, or `late()`'s error once `ms` have passed, whichever comes first. The
 * kit's own timer, not a client library's setting: a Redis client that queues
 * commands while it reconnects, or a custom fetch that ignores its signal, would
 * otherwise hold the request for as long as it likes. `work` goes on in the
 * background; its late failure is swallowed here, since nobody waits for it.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), Math.max(0, ms))
  })
  work.catch(() => undefined)
  return Promise.race([work, timedOut]).finally(() => clearTimeout(timer))
}

/** When a request must have its answer: every dependency call it makes ends by then. */
export interface Deadline {
  /** What is left, in ms; 0 or less once it has passed. */
  remainingMs(): number
}

/** A deadline `ms` from now, on the monotonic clock (a wall clock step would move it). */
export function deadlineIn(ms: number): Deadline {
  const end = performance.now() + ms
  return { remainingMs: () => end - performance.now() }
}

/** No budget: for the functions a caller may use outside a request. */
export const NO_DEADLINE: Deadline = { remainingMs: () => Infinity }

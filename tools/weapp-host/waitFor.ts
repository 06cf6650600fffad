export interface WaitOptions {
  /** Default 5000. */
  timeoutMs?: number
  /** What is awaited, for the timeout message. */
  what: string
  /** The state to show when it never came (e.g. the texts on screen). */
  state?: () => string
}

const POLL_MS = 5

/** Polls `probe` until it returns a value other than undefined; rejects after the timeout. */
export async function waitFor<T>(
  probe: () => T | undefined,
  { timeoutMs = 5000, what, state }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${state ? `; now: ${state()}` : ''}`)
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

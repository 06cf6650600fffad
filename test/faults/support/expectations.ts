import { isServerError, type Figure } from './figures'
import type { Sample } from './probe'

/** The kit's defaults the suite runs with: each store operation's deadline, and WeChat's per attempt. */
export const STORE_TIMEOUT_MS = 1000
export const WECHAT_TIMEOUT_MS = 5000
/** A busy 2-core machine (CI, or other suites beside this one) delays any answer by a second or more. */
export const MARGIN_MS = 2000
/** The Redis clients' own reconnect backoff: ioredis and node-redis each wait up to 2 s between tries. */
export const REDIS_RECOVERY_MS = 3500

export interface Limits {
  /** No request may wait longer than this for its answer. */
  heldMs: number
  /** When the fault ended, in ms of the run, and how soon after it answers are what they were before. */
  recovery?: { faultEnd: number; withinMs: number }
}

/**
 * What every fault must leave true: no 5xx from requests sent once the service
 * had time to recover, no request held past its deadline, nothing secret in any
 * answer or log line, and an answer for every request.
 */
export function expectHandled(samples: Sample[], figure: Figure, limits: Limits, secrets: string[], logs: string[]) {
  expect(samples.filter((s) => s.status === 0)).toEqual([])
  expect(figure.maxHeldMs).toBeLessThanOrEqual(limits.heldMs)
  const { recovery } = limits
  if (recovery !== undefined) {
    const healedBy = recovery.faultEnd + recovery.withinMs
    expect(samples.filter((s) => isServerError(s) && s.startedAt > healedBy)).toEqual([])
    expect(figure.recoveredAfterMs).toBeLessThanOrEqual(recovery.withinMs)
  }
  const output = [...samples.map((s) => s.text), ...logs].join('\n')
  for (const secret of secrets) expect(output).not.toContain(secret)
}

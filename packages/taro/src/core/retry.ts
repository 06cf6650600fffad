import type { GroupEnterError } from './GroupEnterError'
import { CLOUD_ID_EXPIRED, SESSION_EXPIRED } from './wire'

/** The attempts an entry has had beyond its first, by reason. */
export interface Tries {
  stale: number
  network: number
}

/**
 * The kit's one retry policy, asked after every failed attempt; a yes counts the try.
 * - Stale input (an expired cloudID, a session the server lost, or one it refused:
 *   `stale`): one more attempt whatever `retry` says, since a fresh login and bridge
 *   call give fresh ones.
 * - Network-type (timeout, no connection, 502/503/504, a resolver's `retryable`):
 *   up to `retry` more.
 * - Anything else is final.
 */
export function retryAgain(error: GroupEnterError, tries: Tries, retry: number): boolean {
  if (error.stale || error.errCode === CLOUD_ID_EXPIRED || error.serverCode === SESSION_EXPIRED) {
    return tries.stale++ < 1
  }
  return error.retryable && tries.network++ < retry
}

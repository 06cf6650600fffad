import { checkWholeNumber } from '../shared/optionChecks'
import { checkTtlSeconds, type SessionRecord, type SessionStore } from './sessionStore'

export interface MemorySessionStoreOptions {
  /** Default 10,000: past that, the oldest session is dropped for each new one. */
  maxEntries?: number
  /** Default DEFAULT_SESSION_TTL_SECONDS (7 days). */
  ttlSeconds?: number
}

const DEFAULT_MAX_ENTRIES = 10_000

/**
 * Sessions in this process's memory: the default for one server instance. Bounded
 * (a flood of logins evicts the oldest sessions, it cannot exhaust memory) and
 * without timers, so it never holds a process open. Several instances behind a
 * load balancer need a shared store (redisSessionStore).
 */
export function memorySessionStore(options: MemorySessionStoreOptions = {}): SessionStore {
  const ttlMs = checkTtlSeconds(options.ttlSeconds) * 1000
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
  checkWholeNumber(maxEntries, 'maxEntries')
  // A Map keeps insertion order, and every record lives equally long: the first
  // entry is both the oldest and the first to expire.
  const entries = new Map<string, { record: SessionRecord; expiresAt: number }>()

  return {
    async get(id) {
      const entry = entries.get(id)
      if (entry === undefined) return undefined
      if (Date.now() < entry.expiresAt) return entry.record
      entries.delete(id)
      return undefined
    },
    async set(id, record) {
      entries.delete(id)
      entries.set(id, { record, expiresAt: Date.now() + ttlMs })
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
    },
    async delete(id) {
      entries.delete(id)
    },
  }
}

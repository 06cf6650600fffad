import type { AccessTokenRecord, AccessTokenStore } from './tokenStore'

/**
 * Tokens in this process's memory: the default, for one server instance. It
 * keeps one record per appId and needs no clock of its own: the cache never
 * serves a record past its expiry, and the next token replaces it.
 */
export function memoryTokenStore(): AccessTokenStore {
  const records = new Map<string, AccessTokenRecord>()
  return {
    get: async (appId) => records.get(appId),
    set: async (appId, record) => void records.set(appId, { ...record }),
    delete: async (appId) => void records.delete(appId),
  }
}

import {
  redisCommands,
  redisPrefix,
  type IoRedisClientLike,
  type NodeRedisClientLike,
  type RedisClientOptions,
} from '../stores/redisClient'
import { checkTtlSeconds, readSessionRecord, serializeRecord, type SessionStore } from './sessionStore'

export interface RedisSessionStoreOptions extends RedisClientOptions {
  /** Default 'opengid:session:'. */
  prefix?: string
  /** Default DEFAULT_SESSION_TTL_SECONDS (7 days); Redis expires the key itself (SET ... EX). */
  ttlSeconds?: number
}

/**
 * Sessions in Redis, shared by every server instance that uses the same Redis:
 * one JSON value per session under `prefix + id`. `client` is an ioredis client
 * or a node-redis client (v4+); which one is told by its shape. The client's
 * own reconnect settings apply; the resolver bounds each operation
 * (storeTimeoutMs). Without an 'error' listener of the app's, the store adds one.
 */
export function redisSessionStore(
  client: IoRedisClientLike | NodeRedisClientLike,
  options: RedisSessionStoreOptions = {},
): SessionStore {
  const ttlSeconds = checkTtlSeconds(options.ttlSeconds)
  const prefix = redisPrefix(options.prefix, 'opengid:session:')
  const redis = redisCommands(client, options.onInternalError)
  return {
    get: async (id) => readSessionRecord(await redis.get(prefix + id)),
    set: async (id, record) => redis.setExpiring(prefix + id, serializeRecord(record), ttlSeconds),
    delete: async (id) => redis.del(prefix + id),
  }
}

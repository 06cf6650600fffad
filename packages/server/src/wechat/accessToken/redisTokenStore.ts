import {
  redisCommands,
  redisPrefix,
  type IoRedisClientLike,
  type NodeRedisClientLike,
  type RedisClientOptions,
} from '../../stores/redisClient'
import { readTokenRecord, serializeTokenRecord, type AccessTokenStore } from './tokenStore'

export interface RedisTokenStoreOptions extends RedisClientOptions {
  /** Default 'opengid:access-token:'; the key is prefix + appId. */
  prefix?: string
}

/**
 * Tokens in Redis, shared by every server instance that uses the same Redis: an
 * instance finds the token another one fetched and asks WeChat for none. Redis
 * drops the key when the token expires (SET ... EX). `client` is an ioredis
 * client or a node-redis client (v4+), as for redisSessionStore.
 */
export function redisTokenStore(
  client: IoRedisClientLike | NodeRedisClientLike,
  options: RedisTokenStoreOptions = {},
): AccessTokenStore {
  const prefix = redisPrefix(options.prefix, 'opengid:access-token:')
  const redis = redisCommands(client, options.onInternalError)
  return {
    get: async (appId) => readTokenRecord(await redis.get(prefix + appId)),
    set: async (appId, record, ttlSeconds) =>
      redis.setExpiring(prefix + appId, serializeTokenRecord(record), ttlSeconds),
    delete: async (appId) => redis.del(prefix + appId),
  }
}

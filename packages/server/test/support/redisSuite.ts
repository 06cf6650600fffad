import { hasRedisServer } from '../../../../tools/redis/redisServer'

/**
 * CI always has redis-server (.ci/run installs it) and must never skip; a developer's
 * machine without it skips the Redis tests with a note instead of failing `npm test`.
 * Apart from tools/redis/redisServer.ts, which plain Node (the bench) uses too.
 */
export const redisRuns = !!process.env.CI || hasRedisServer()
if (!redisRuns) console.warn('Skipping the Redis tests: no redis-server (apt-get install -y redis-server).')
export const describeWithRedis = redisRuns ? describe : describe.skip

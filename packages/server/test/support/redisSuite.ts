import { hasRedisServer } from './redisServer'

/**
 * CI always has redis-server (.ci/run installs it) and must never skip; a developer's
 * machine without it skips the Redis tests with a note instead of failing `npm test`.
 * Apart from redisServer.ts so that plain Node (the bench) can start a server too.
 */
export const redisRuns = !!process.env.CI || hasRedisServer()
if (!redisRuns) console.warn('Skipping the Redis tests: no redis-server (apt-get install -y redis-server).')
export const describeWithRedis = redisRuns ? describe : describe.skip

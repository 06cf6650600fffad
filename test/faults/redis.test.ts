import { setTimeout as delay } from 'node:timers/promises'
import { freePort } from '../../tools/processes'
import { startRedisServer, type RedisServer } from '../../tools/redis/redisServer'
import { describeWithRedis } from '../../packages/server/test/support/redisSuite'
import { expectHandled, MARGIN_MS, REDIS_RECOVERY_MS, STORE_TIMEOUT_MS } from './support/expectations'
import { figureOf, keepFigures } from './support/figures'
import { socketsNow } from './support/handles'
import { startProbe, type Probe } from './support/probe'
import {
  CLIENT_KINDS,
  captureLogs,
  redisSessions,
  secretsOf,
  startApi,
  startWeChat,
  type ClientKind,
} from './support/stack'

// Each run: redis-server, a fake WeChat, the handler and ~100 requests over ~7 s.
jest.setTimeout(30_000)

const keep = keepFigures('redis')
const BEFORE_MS = 500
const FAULT_MS = 1500
const AFTER_MS = 3500

/**
 * A stack over `port` with the probe running through `fault`, which resolves
 * when the fault has ended (or never does, for a Redis that is never up).
 */
async function runFault(kind: ClientKind, port: number, fault: (probe: Probe) => Promise<number | undefined>) {
  const sockets = socketsNow()
  const logs = captureLogs()
  const wechat = await startWeChat()
  const redis = redisSessions(kind, port, logs)
  const api = await startApi(wechat, redis.store, logs)
  try {
    const probe = startProbe(api.url, wechat)
    const faultEnd = await fault(probe)
    const samples = await probe.stop()
    return { samples, faultEnd, wechat, logs: logs.lines }
  } finally {
    await api.close()
    await redis.close()
    await wechat.close()
    logs.restore()
    await sockets.expectNoneLeft()
  }
}

describeWithRedis.each(CLIENT_KINDS)('Redis faults, sessions through %s (issue 19)', (kind) => {
  let server: RedisServer | undefined
  afterEach(async () => {
    await server?.stop()
    server = undefined
  })

  test.each([
    ['killed (SIGKILL) and restarted', 'SIGKILL'],
    ['stopped (SIGSTOP) and continued', 'SIGSTOP'],
  ] as const)('Redis %s: 503s in about a second during the fault, 200s again soon after', async (name, signal) => {
    const redis = (server = await startRedisServer())
    const run = await runFault(kind, redis.port, async (probe) => {
      await delay(BEFORE_MS)
      await redis.signal(signal)
      await delay(FAULT_MS)
      if (signal === 'SIGKILL') await redis.start()
      else await redis.signal('SIGCONT')
      const faultEnd = probe.now()
      await delay(AFTER_MS)
      return faultEnd
    })
    const figure = figureOf(`Redis ${name}`, kind, run.samples, run.faultEnd)
    keep(figure)
    expectHandled(
      run.samples,
      figure,
      {
        heldMs: STORE_TIMEOUT_MS + MARGIN_MS,
        recovery: { faultEnd: run.faultEnd as number, withinMs: REDIS_RECOVERY_MS },
      },
      secretsOf(run.wechat),
      run.logs,
    )
    // A failure is the store's typed 503, nothing else: no 500 and no hang.
    const failures = run.samples.filter((s) => s.status >= 500)
    expect(failures.every((s) => s.status === 503 && s.code === 'SESSIONS_UNAVAILABLE')).toBe(true)
  })

  test('Redis never up: every request is 503 SESSIONS_UNAVAILABLE within the store deadline, and no login code is spent', async () => {
    const run = await runFault(kind, await freePort(), async () => {
      await delay(2000)
      return undefined
    })
    const figure = figureOf('Redis never up', kind, run.samples)
    keep(figure)
    expectHandled(run.samples, figure, { heldMs: STORE_TIMEOUT_MS + MARGIN_MS }, secretsOf(run.wechat), run.logs)
    expect(run.samples.length).toBeGreaterThan(5)
    expect(run.samples.every((s) => s.status === 503 && s.code === 'SESSIONS_UNAVAILABLE')).toBe(true)
    expect(run.wechat.fake.exchanges).toBe(0)
  })
})

import { setTimeout as delay } from 'node:timers/promises'
import { memorySessionStore } from '@opengid/server'
import { expectHandled, MARGIN_MS, WECHAT_TIMEOUT_MS } from './support/expectations'
import { figureOf, keepFigures } from './support/figures'
import { socketsNow } from './support/handles'
import { startProbe } from './support/probe'
import { captureLogs, secretsOf, SLOW_BUSY_MS, startApi, startWeChat, type WeChatMode } from './support/stack'

// A hanging WeChat holds each cold request for its 5 s attempt: runs of ~10 s.
jest.setTimeout(30_000)

const keep = keepFigures('wechat')

/** The probe against a WeChat that is `mode` for `faultMs`, then up again. */
async function runFault(mode: WeChatMode, faultMs: number) {
  const sockets = socketsNow()
  const logs = captureLogs()
  const wechat = await startWeChat()
  const api = await startApi(wechat, memorySessionStore(), logs)
  try {
    const probe = startProbe(api.url, wechat, 200)
    await delay(500)
    wechat.mode = mode
    await delay(faultMs)
    wechat.mode = 'up'
    const faultEnd = probe.now()
    await delay(1500)
    return { samples: await probe.stop(), faultEnd, wechat, logs: logs.lines }
  } finally {
    await api.close()
    await wechat.close()
    logs.restore()
    await sockets.expectNoneLeft()
  }
}

describe('WeChat faults (issue 19)', () => {
  test.each([
    ['hanging', 'hanging', 2000, WECHAT_TIMEOUT_MS],
    ['failing (HTML 500)', 'failing', 2000, 0],
    // One -1 after 4 s: the retry would end past the 8 s budget, so there is none (it was 9.94 s).
    ['busy (-1) after 4 s', 'slowBusy', 1000, SLOW_BUSY_MS],
  ] as const)(
    'WeChat %s: cold requests 503 WECHAT_UNAVAILABLE by their deadline, warm ones unaffected',
    async (name, mode, faultMs, deadlineMs) => {
      const run = await runFault(mode, faultMs)
      const figure = figureOf(`WeChat ${name}`, 'memory sessions', run.samples, run.faultEnd)
      keep(figure)
      expectHandled(
        run.samples,
        figure,
        { heldMs: deadlineMs + MARGIN_MS, recovery: { faultEnd: run.faultEnd, withinMs: MARGIN_MS } },
        secretsOf(run.wechat),
        run.logs,
      )
      expect(run.samples.filter((s) => s.kind === 'warm' && s.status !== 200)).toEqual([])
      const failures = run.samples.filter((s) => s.status >= 500)
      expect(failures.length).toBeGreaterThan(0)
      expect(failures.every((s) => s.status === 503 && s.code === 'WECHAT_UNAVAILABLE')).toBe(true)
    },
  )
})

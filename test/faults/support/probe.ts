import { send, type AnswerJson } from '../../../packages/server/test/support/http'
import type { WeChatStandIn } from './stack'

/** One request of a run, timed on the monotonic clock (ms since the run began). */
export interface Sample {
  kind: 'cold' | 'warm'
  startedAt: number
  endedAt: number
  status: number
  /** error.code, or 'OK'. */
  code: string
  text: string
}

export interface Probe {
  /** ms since the run began. */
  now(): number
  /** Stops sending and waits for every request in flight. */
  stop(): Promise<Sample[]>
}

const GROUP = { opengid: 'G-faults' }

/**
 * Sends what clients send, every `everyMs`: a cold request (a fresh login's code)
 * and a warm one (the session an earlier answer gave), without waiting for
 * answers, as many users would. Like the client kit, a warm request that hears
 * SESSION_EXPIRED makes the next cold answer's session the one to use.
 */
export function startProbe(url: string, wechat: WeChatStandIn, everyMs = 100): Probe {
  const origin = performance.now()
  const now = () => performance.now() - origin
  const samples: Sample[] = []
  const inFlight = new Set<Promise<void>>()
  let users = 0
  let session: { user: string; id: string } | undefined

  const request = (kind: Sample['kind'], body: unknown, onAnswer: (json: AnswerJson) => void) => {
    const startedAt = now()
    const pending = send(url, { body: JSON.stringify(body) }).then(
      ({ status, text, json }) => {
        samples.push({ kind, startedAt, endedAt: now(), status, code: json.error?.code ?? 'OK', text })
        onAnswer(json)
      },
      (error: unknown) => {
        samples.push({ kind, startedAt, endedAt: now(), status: 0, code: 'NO_ANSWER', text: String(error) })
      },
    )
    inFlight.add(pending)
    void pending.finally(() => inFlight.delete(pending))
  }

  const tick = () => {
    const user = `user-${++users}`
    request('cold', wechat.fake.clientRequest(user, GROUP), (json) => {
      if (typeof json.session === 'string') session ??= { user, id: json.session }
    })
    const current = session
    if (current === undefined) return
    request('warm', wechat.fake.sessionRequest(current.user, current.id, GROUP), (json) => {
      if (json.error?.code === 'SESSION_EXPIRED' && session === current) session = undefined
    })
  }
  tick()
  const timer = setInterval(tick, everyMs)

  return {
    now,
    async stop() {
      clearInterval(timer)
      while (inFlight.size > 0) await Promise.all([...inFlight])
      return samples.sort((a, b) => a.startedAt - b.startedAt)
    },
  }
}

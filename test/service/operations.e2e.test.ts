import { runServiceOnce, startService, type ServiceProcess } from '../../tools/service/runService'
import { APP_SECRET, fakeWeChat, get, post, requiredEnv } from './serviceHarness'

// One service process and some thirty requests: seconds on a busy 2-core machine.
jest.setTimeout(60_000)

/** A metric's value in the Prometheus text of GET /metrics (0 when the series is absent). */
function metric(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `))
  return line === undefined ? 0 : Number(line.slice(series.length + 1))
}

/**
 * A full run of the service, as operations see it: GET /metrics counts what happened,
 * and every line it wrote is JSON, one per request, and holds none of the values that
 * would let a reader of the logs act as a user or as the server.
 */
describe('metrics and logs of a full run', () => {
  const fake = fakeWeChat()
  let wechat: { url: string; close(): Promise<void> }
  let service: ServiceProcess
  let privateD: string
  /** Everything the run handled that must never reach a log line. */
  const secrets: string[] = [APP_SECRET]
  let requestsMade = 0

  const resolve = async (body: Record<string, unknown>) => {
    requestsMade++
    const answer = await post(service.url, body)
    if (answer.status === 200) secrets.push(answer.json.ticket, answer.json.session)
    for (const field of ['encryptedData', 'code'])
      if (typeof body[field] === 'string') secrets.push(body[field] as string)
    return answer
  }

  beforeAll(async () => {
    wechat = await fake.listen()
    const keys = JSON.parse((await runServiceOnce({}, ['keys'])).stdout)
    privateD = keys.privateJwk.d
    secrets.push(privateD)
    service = await startService(requiredEnv(wechat.url, { OPENGID_TICKET_KEY: JSON.stringify(keys.privateJwk) }))
  })
  afterAll(async () => {
    await service?.stop('SIGKILL')
    await wechat?.close()
  })

  test('GET /metrics counts resolves by outcome, code2Session, session hits and misses, tickets', async () => {
    const group = { opengid: 'G-ops', chatType: 3 as const }
    for (const user of ['ops-a', 'ops-b', 'ops-c']) {
      const cold = await resolve({ ...fake.clientRequest(user, group) })
      expect(cold.status).toBe(200)
      const warm = await resolve({ ...fake.sessionRequest(user, cold.json.session, group) })
      expect(warm.status).toBe(200)
    }
    const unknown = await resolve({ ...fake.sessionRequest('ops-a', 'no-such-session-0123456789abcdef', group) })
    expect(unknown.json.error.code).toBe('SESSION_EXPIRED')
    const { code: _code, ...data } = fake.clientRequest('ops-d', group)
    const badCode = await resolve({ ...data, code: 'not-a-code-of-the-fake' })
    expect(badCode.status).toBe(401)
    requestsMade += 2
    expect((await get(service.url, '/healthz')).status).toBe(200)
    const { status, text, headers } = await get(service.url, '/metrics')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toContain('text/plain')
    expect(metric(text, 'opengid_resolves_total{outcome="OK"}')).toBe(6)
    expect(metric(text, 'opengid_resolves_total{outcome="SESSION_EXPIRED"}')).toBe(1)
    expect(metric(text, 'opengid_resolves_total{outcome="INVALID_CODE"}')).toBe(1)
    expect(metric(text, 'opengid_tickets_issued_total')).toBe(6)
    expect(metric(text, 'opengid_code2session_duration_seconds_count{result="answered"}')).toBe(4)
    expect(metric(text, 'opengid_session_lookups_total{result="hit"}')).toBe(3)
    expect(metric(text, 'opengid_session_lookups_total{result="miss"}')).toBe(1)
    expect(text).toContain('opengid_session_store_errors_total')
    expect(text).toContain('process_cpu_seconds_total')
  })

  test('every line is JSON; one per request with id, route, status, outcome, duration; no secret anywhere', async () => {
    expect(await service.stop('SIGTERM')).toBe(0)
    const entries = service.lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    const requests = entries.filter((entry) => entry.msg === 'request')
    expect(requests).toHaveLength(requestsMade)
    for (const entry of requests) {
      expect(entry).toEqual(
        expect.objectContaining({
          // The suite sends no X-Request-Id: each line has an id of its own.
          reqId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
          route: expect.any(String),
          status: expect.any(Number),
          durationMs: expect.any(Number),
        }),
      )
    }
    expect(new Set(requests.map((entry) => entry.reqId)).size).toBe(requests.length)
    const resolves = requests.filter((entry) => entry.route === '/api/opengid')
    expect(resolves.map((entry) => entry.code).sort()).toEqual([
      'INVALID_CODE',
      ...Array(6).fill('OK'),
      'SESSION_EXPIRED',
    ])
    const sessionKeys = fake.issuedSessionKeys
    expect(sessionKeys.length).toBeGreaterThan(0)
    const written = service.lines.join('\n') + service.stderr()
    for (const value of [...secrets, ...sessionKeys]) expect(written).not.toContain(value)
  })
})

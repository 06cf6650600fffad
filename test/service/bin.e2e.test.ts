import { once } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runServiceOnce, startService, type ServiceProcess } from '../../tools/service/runService'
import { APP_SECRET, coldRequest, fakeWeChat, get, post, requiredEnv, TICKET_SECRET } from './serviceHarness'

// Each test starts the packed bin as a child process: seconds on a busy 2-core machine.
jest.setTimeout(60_000)

/**
 * `opengid-server` as a user runs it: the bin of the tarball, configured by variables,
 * flags and files, answering on loopback; the fake WeChat stands in for WeChat.
 */
const fake = fakeWeChat({ code2SessionLatencyMs: 0 })
let wechat: { url: string; close(): Promise<void> }
const running: ServiceProcess[] = []
const files = mkdtempSync(path.join(tmpdir(), 'opengid-service-files-'))

async function start(env: Record<string, string>, args?: string[]): Promise<ServiceProcess> {
  const service = await startService(env, args)
  running.push(service)
  return service
}

beforeAll(async () => {
  wechat = await fake.listen()
})
afterAll(async () => {
  await Promise.all(running.map((service) => service.stop('SIGKILL')))
  await wechat?.close()
})

/** A request made larger by a field the resolver ignores. */
const padded = (body: object, bytes: number) => ({ ...body, padding: 'x'.repeat(bytes) })

describe('configuration', () => {
  test('--help lists every variable and its flag, exit 0', async () => {
    const { code, stdout } = await runServiceOnce({}, ['--help'])
    expect(code).toBe(0)
    for (const name of ['OPENGID_APP_ID', 'OPENGID_APP_SECRET', 'OPENGID_TICKET_KEY', 'OPENGID_TICKET_SECRET']) {
      expect(stdout).toContain(name)
    }
    const flags = ['--app-id', '--port', '--host', '--redis-url', '--ticket-old-keys', '--wechat-endpoint']
    for (const flag of [...flags, '--body-limit-bytes', '--body-timeout-ms', '--ticket-ttl-seconds']) {
      expect(stdout).toContain(flag)
    }
  })

  const LONG_SECRET = 'an-app-secret-long-enough-to-sign-0123456789'
  test.each([
    ['no app id', 'OPENGID_APP_ID', {}],
    ['no signing key', 'OPENGID_TICKET_KEY', { OPENGID_TICKET_SECRET: '' }],
    ['a short ticket secret', 'OPENGID_TICKET_SECRET', { OPENGID_TICKET_SECRET: 'short-ticket-secret' }],
    [
      'the AppSecret as ticket secret',
      'OPENGID_TICKET_SECRET',
      { OPENGID_APP_SECRET: LONG_SECRET, OPENGID_TICKET_SECRET: LONG_SECRET },
    ],
    [
      'a key that is no key',
      'OPENGID_TICKET_KEY',
      { OPENGID_TICKET_SECRET: '', OPENGID_TICKET_KEY: 'not-a-key-secret-value' },
    ],
    ['a bad port', 'PORT', { PORT: '99999' }],
    ['a body limit below a real body', 'OPENGID_BODY_LIMIT_BYTES', { OPENGID_BODY_LIMIT_BYTES: '100' }],
    ['a bad Redis URL', 'OPENGID_REDIS_URL', { OPENGID_REDIS_URL: 'http://user:redis-password@x' }],
    [
      'a bad Redis Cluster node',
      'OPENGID_REDIS_CLUSTER_NODES',
      { OPENGID_REDIS_CLUSTER_NODES: 'redis://127.0.0.1:7000,http://user:redis-password@x' },
    ],
    [
      'both one Redis and a Redis Cluster',
      'OPENGID_REDIS_CLUSTER_NODES',
      {
        OPENGID_REDIS_URL: 'redis://:redis-password@127.0.0.1:6379',
        OPENGID_REDIS_CLUSTER_NODES: 'redis://127.0.0.1:7000',
      },
    ],
    ['an unknown flag', 'arguments', {}],
  ])('%s: exit 1 before listening, one line naming %s, no value echoed', async (name, variable, env) => {
    const base = variable === 'OPENGID_APP_ID' ? {} : requiredEnv(wechat.url)
    const args = name === 'an unknown flag' ? ['--nope'] : []
    const { code, stdout, stderr } = await runServiceOnce({ ...base, ...(env as Record<string, string>) }, args)
    expect(code).toBe(1)
    expect(stdout).not.toContain('listening')
    const lines = stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^opengid-server: ${variable}\\b`))
    for (const value of [APP_SECRET, TICKET_SECRET, LONG_SECRET, 'not-a-key-secret-value', 'redis-password']) {
      expect(stderr).not.toContain(value)
    }
  })

  test('a value and its _FILE form together are refused; the _FILE form alone is read', async () => {
    const secretFile = path.join(files, 'app-secret')
    writeFileSync(secretFile, `${APP_SECRET}\n`)
    const both = await runServiceOnce({ ...requiredEnv(wechat.url), OPENGID_APP_SECRET_FILE: secretFile })
    expect(both.code).toBe(1)
    expect(both.stderr).toMatch(
      /^opengid-server: OPENGID_APP_SECRET: give OPENGID_APP_SECRET or OPENGID_APP_SECRET_FILE/,
    )

    const { OPENGID_APP_SECRET: _secret, ...env } = requiredEnv(wechat.url)
    const service = await start({ ...env, OPENGID_APP_SECRET_FILE: secretFile })
    // The secret read from the file (its newline dropped) is the one WeChat accepts.
    expect((await post(service.url, coldRequest(fake))).status).toBe(200)
  })

  test('OPENGID_BODY_LIMIT_BYTES moves the cap: a body over it is 413 naming it, one under it is resolved', async () => {
    const service = await start({ ...requiredEnv(wechat.url), OPENGID_BODY_LIMIT_BYTES: '32768' })
    const under = await post(service.url, padded(coldRequest(fake, 'G-roomy'), 20_000))
    expect(under.json).toMatchObject({ opengid: 'G-roomy' })
    const over = await post(service.url, padded(coldRequest(fake, 'G-over'), 40_000))
    expect(over.status).toBe(413)
    expect(over.json).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'the body is larger than 32768 bytes' },
    })
  })

  test('flags mirror the variables and win over them', async () => {
    const service = await start({ ...requiredEnv(wechat.url), OPENGID_APP_ID: 'wx-not-this-one' }, [
      '--app-id',
      requiredEnv(wechat.url).OPENGID_APP_ID,
    ])
    expect((await post(service.url, coldRequest(fake))).status).toBe(200)
  })
})

describe('with only the required variables', () => {
  let service: ServiceProcess
  beforeAll(async () => {
    service = await start(requiredEnv(wechat.url))
  })

  test('says in its log that sessions live in its memory only', () => {
    expect(service.lines.some((line) => /memory.*one instance only/.test(line))).toBe(true)
  })

  test('POST /api/opengid: the wire contract (cold, then warm with the session)', async () => {
    const first = await post(service.url, coldRequest(fake, 'G-wire'))
    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({ opengid: 'G-wire', chatType: 3, ticket: expect.any(String) })
    expect(typeof first.json.ticketExpiresAt).toBe('number')
    const { code: _code, ...data } = coldRequest(fake, 'G-wire')
    const warm = await post(service.url, { ...data, session: first.json.session })
    // The session belongs to the first user, whose key does not open this user's data.
    expect(warm.status).toBe(401)
    expect(warm.json).toEqual({ error: { code: 'SESSION_EXPIRED', message: expect.any(String) } })
    // The embedded handlers' cap by default: 16 KiB.
    const big = await post(service.url, padded(coldRequest(fake, 'G-big'), 20_000))
    expect(big.status).toBe(413)
    expect(big.json.error).toMatchObject({ message: 'the body is larger than 16384 bytes' })
    const refused = await fetch(`${service.url}/api/opengid`, { method: 'POST', body: '{}' })
    expect(refused.status).toBe(415)
    expect((await fetch(`${service.url}/api/opengid`)).status).toBe(405)
  })

  test('GET /healthz, /readyz, /.well-known/jwks.json (HS256: no public keys), 404 elsewhere', async () => {
    expect((await get(service.url, '/healthz')).status).toBe(200)
    expect((await get(service.url, '/readyz')).status).toBe(200)
    const jwks = await get(service.url, '/.well-known/jwks.json')
    expect(jwks.status).toBe(200)
    expect(JSON.parse(jwks.text)).toEqual({ keys: [] })
    const missing = await get(service.url, '/nope')
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.text).error.code).toBe('NOT_FOUND')
  })

  test("every answer carries a request id: the client's when it sends a plain one, else a new one", async () => {
    const own = await fetch(`${service.url}/healthz`, { headers: { 'X-Request-Id': 'req-123' } })
    expect(own.headers.get('x-request-id')).toBe('req-123')
    const made = await fetch(`${service.url}/healthz`, { headers: { 'X-Request-Id': 'bad id\twith spaces' } })
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const none = await fetch(`${service.url}/healthz`)
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('SIGTERM and SIGINT', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)('%s: the request in flight is answered, then exit 0', async (signal) => {
    const slow = fakeWeChat({ code2SessionLatencyMs: 1500 })
    let arrived = () => undefined as void
    const reached = new Promise<void>((resolve) => (arrived = resolve))
    // The fake's handler behind a server that tells when code2Session has been called.
    const slowWeChat = createServer((req, res) => {
      arrived()
      slow.handler(req, res)
    }).listen(0, '127.0.0.1')
    await once(slowWeChat, 'listening')
    const slowUrl = `http://127.0.0.1:${(slowWeChat.address() as AddressInfo).port}`
    try {
      const service = await start({ ...requiredEnv(slowUrl), OPENGID_SHUTDOWN_TIMEOUT_MS: '30000' })
      const inFlight = post(service.url, coldRequest(slow))
      await reached
      const exitCode = service.stop(signal)
      expect((await inFlight).status).toBe(200)
      expect(await exitCode).toBe(0)
      expect(service.lines.some((line) => line.includes('"msg":"stopped"'))).toBe(true)
    } finally {
      await new Promise((resolve) => slowWeChat.close(resolve))
    }
  })
})

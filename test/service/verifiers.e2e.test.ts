import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { SignJWT, importJWK, type JWK } from 'jose'
import { verifyGroupTicket } from '@opengid/server'
import { runServiceOnce, startService, type ServiceProcess } from '../../tools/service/runService'
import { APP_ID, coldRequest, fakeWeChat, get, post, requiredEnv } from './serviceHarness'
import { buildGo, python, verifiersRun, type Verifier } from './verifiers'

// Two service processes, a Go build and a verifier process per check: a minute on a busy machine.
jest.setTimeout(120_000)

if (!verifiersRun) {
  console.warn(
    'Skipping the Python and Go verifiers: apt-get install -y python3-jwt golang-go golang-github-golang-jwt-jwt-dev',
  )
}
const describeVerifiers = verifiersRun ? describe : describe.skip

interface KeyPair {
  privateJwk: JWK
  publicJwk: JWK & { kid: string }
}

/** A key pair from the bin itself, as an operator makes one. */
async function newKeys(): Promise<KeyPair> {
  const { code, stdout } = await runServiceOnce({}, ['keys'])
  if (code !== 0) throw new Error('opengid-server keys failed')
  return JSON.parse(stdout) as KeyPair
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const decoded = (ticket: string, index: number) =>
  JSON.parse(Buffer.from(ticket.split('.')[index], 'base64url').toString()) as Record<string, unknown>

/**
 * Tickets the running service issued, checked by programs in other languages against
 * its JWKS: what an API in Python or Go does. Node's own verifyGroupTicket is checked
 * alongside, with the same URL.
 */
describeVerifiers('verified outside Node, against the running service', () => {
  const fake = fakeWeChat()
  let wechat: { url: string; close(): Promise<void> }
  const services: ServiceProcess[] = []
  let old: KeyPair
  let current: KeyPair
  let stranger: KeyPair
  let oldTicket: string
  let expiredTicket: string
  let service: ServiceProcess
  let jwksUrl: string
  const verifiers: [string, Verifier][] = [['python', python]]

  const node: Verifier = async (url, appId, ticket) => {
    try {
      const claims = await verifyGroupTicket(ticket, { jwks: new URL(url), appId })
      return { code: 0, claims: { sub: claims.openid, gid: claims.opengid }, stderr: '' }
    } catch (error) {
      return { code: 1, stderr: String(error) }
    }
  }
  verifiers.push(['node', node])

  const start = async (env: Record<string, string>) => {
    const started = await startService({ ...requiredEnv(wechat.url, {}), ...env })
    services.push(started)
    return started
  }
  const ticketFrom = async (url: string, opengid = 'G-verified') => {
    const answer = await post(url, coldRequest(fake, opengid))
    expect(answer.status).toBe(200)
    return answer.json.ticket
  }

  beforeAll(async () => {
    wechat = await fake.listen()
    verifiers.push(['go', await buildGo(mkdtempSync(path.join(tmpdir(), 'opengid-verify-go-')))])
    ;[old, current, stranger] = await Promise.all([newKeys(), newKeys(), newKeys()])

    // Before the rotation: the old key signs. One ticket lives 1 s, to expire.
    const before = await start({ OPENGID_TICKET_KEY: JSON.stringify(old.privateJwk) })
    oldTicket = await ticketFrom(before.url)
    const shortLived = await start({
      OPENGID_TICKET_KEY: JSON.stringify(old.privateJwk),
      OPENGID_TICKET_TTL_SECONDS: '1',
    })
    expiredTicket = await ticketFrom(shortLived.url)
    await Promise.all([before.stop(), shortLived.stop()])

    // The rotation: the new key signs, the old one is still published until its tickets expire.
    service = await start({
      OPENGID_TICKET_KEY: JSON.stringify(current.privateJwk),
      OPENGID_TICKET_OLD_KEYS: JSON.stringify({ keys: [old.publicJwk] }),
    })
    jwksUrl = `${service.url}/.well-known/jwks.json`
    // Past the 1 s ticket's exp, with the verifiers' default leeway of 0.
    await delay(2100)
  })
  afterAll(async () => {
    await Promise.all(services.map((running) => running.stop('SIGKILL')))
    await wechat?.close()
  })

  test('the JWKS lists the signing key and the old one, each with its thumbprint kid', async () => {
    const { status, text, headers } = await get(service.url, '/.well-known/jwks.json')
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toContain('max-age')
    const { keys } = JSON.parse(text) as { keys: JWK[] }
    expect(keys.map((key) => key.kid)).toEqual([current.publicJwk.kid, old.publicJwk.kid])
    expect(keys.every((key) => key.d === undefined && key.alg === 'EdDSA' && key.use === 'sig')).toBe(true)
  })

  test.each(['python', 'go', 'node'])(
    '%s: a ticket of the running service is accepted with its claims',
    async (name) => {
      const verify = verifiers.find(([language]) => language === name)![1]
      const ticket = await ticketFrom(service.url, 'G-now')
      expect(decoded(ticket, 0)).toMatchObject({ alg: 'EdDSA', kid: current.publicJwk.kid })
      const verdict = await verify(jwksUrl, APP_ID, ticket)
      expect(verdict).toMatchObject({ code: 0, claims: { gid: 'G-now', sub: decoded(ticket, 1).sub } })
    },
  )

  test.each(['python', 'go', 'node'])(
    '%s: after the rotation, a ticket of the old key verifies until it expires',
    async (name) => {
      const verify = verifiers.find(([language]) => language === name)![1]
      expect(decoded(oldTicket, 0).kid).toBe(old.publicJwk.kid)
      expect(await verify(jwksUrl, APP_ID, oldTicket)).toMatchObject({ code: 0, claims: { gid: 'G-verified' } })
      const expired = await verify(jwksUrl, APP_ID, expiredTicket)
      expect(expired.code).not.toBe(0)
      expect(expired.stderr).toMatch(/expired/i)
    },
  )

  test.each(['python', 'go', 'node'])(
    "%s: a single chat's ticket of the running service is refused (it has rid, no gid)",
    async (name) => {
      const verify = verifiers.find(([language]) => language === name)![1]
      const request = { ...fake.clientRequest('verify-single', { openSingleRoomid: 'S-pair', chatType: 1 }) }
      const answer = await post(service.url, { ...request, allowSingleChat: true })
      expect(answer.json).toMatchObject({ roomType: 'single', roomId: 'S-pair' })
      expect(decoded(answer.json.ticket, 1)).toMatchObject({ rid: 'S-pair', rty: 'single' })
      const verdict = await verify(jwksUrl, APP_ID, answer.json.ticket)
      // A refusal that says why, not a crash on the missing gid.
      expect({ code: verdict.code, claims: verdict.claims }).toEqual({ code: 1, claims: undefined })
      expect(verdict.stderr).toMatch(name === 'node' ? /single chat/ : /not a group's ticket/)
    },
  )

  test('ES256: a service started with a P-256 key (PKCS#8 PEM) issues ES256 tickets every verifier accepts', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    const es256 = await start({ OPENGID_TICKET_KEY: pem })
    const url = `${es256.url}/.well-known/jwks.json`
    const { keys } = JSON.parse((await get(es256.url, '/.well-known/jwks.json')).text) as { keys: JWK[] }
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' })
    expect(keys[0].d).toBeUndefined()
    const ticket = await ticketFrom(es256.url, 'G-es256')
    expect(decoded(ticket, 0)).toMatchObject({ alg: 'ES256', kid: keys[0].kid })
    for (const [name, verify] of verifiers) {
      const verdict = await verify(url, APP_ID, ticket)
      expect({ name, verdict }).toMatchObject({ name, verdict: { code: 0, claims: { gid: 'G-es256' } } })
    }
  })

  test.each(['python', 'go', 'node'])(
    '%s: tampered, alg none, HS256 with the public key, wrong key, unknown kid, other app: refused',
    async (name) => {
      const verify = verifiers.find(([language]) => language === name)![1]
      const ticket = await ticketFrom(service.url)
      const [header, payload, signature] = ticket.split('.')
      const claims = decoded(ticket, 1)
      const strangerKey = await importJWK(stranger.privateJwk, 'EdDSA')
      const forged = {
        tampered: `${header}.${b64url({ ...claims, gid: 'G-someone-else' })}.${signature}`,
        none: `${b64url({ alg: 'none', kid: current.publicJwk.kid, typ: 'JWT' })}.${payload}.`,
        hs256: await new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256', kid: current.publicJwk.kid })
          .sign(new TextEncoder().encode(JSON.stringify(current.publicJwk))),
        wrongKey: await new SignJWT(claims)
          .setProtectedHeader({ alg: 'EdDSA', kid: current.publicJwk.kid })
          .sign(strangerKey),
        unknownKid: await new SignJWT(claims)
          .setProtectedHeader({ alg: 'EdDSA', kid: stranger.publicJwk.kid })
          .sign(strangerKey),
      }
      for (const [kind, forgery] of Object.entries(forged)) {
        const verdict = await verify(jwksUrl, APP_ID, forgery)
        expect({ kind, accepted: verdict.code === 0 }).toEqual({ kind, accepted: false })
      }
      expect((await verify(jwksUrl, 'wx-another-app', ticket)).code).not.toBe(0)
    },
  )
})

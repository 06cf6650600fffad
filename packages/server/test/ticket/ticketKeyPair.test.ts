import { calculateJwkThumbprint, exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose'
import { generateTicketKeyPair, readPublicKeys, readSigningKey } from '../../src/ticket/ticketKeyPair'

/** The private key forms a resolver is given, and the kid each one gets. */
describe('ticket key pairs', () => {
  test('a generated pair: Ed25519, kid the RFC 7638 thumbprint on both halves, no private member in the public', async () => {
    const { privateJwk, publicJwk } = await generateTicketKeyPair()
    expect(publicJwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: privateJwk.x,
      kid: publicJwk.kid,
      alg: 'EdDSA',
      use: 'sig',
    })
    expect(publicJwk.kid).toBe(await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: privateJwk.x }))
    expect(privateJwk.kid).toBe(publicJwk.kid)
    expect(privateJwk.d).toEqual(expect.any(String))
  })

  test.each(['EdDSA', 'ES256'] as const)('%s: a PEM and the same key as a JWK give the same kid', async (alg) => {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
    const fromPem = await readSigningKey(await exportPKCS8(privateKey))
    expect(fromPem.alg).toBe(alg)
    const fromJwk = await readSigningKey(JSON.stringify(await exportJWK(privateKey)))
    expect(fromJwk.kid).toBe(fromPem.kid)
    const [fromSpki] = await readPublicKeys(await exportSPKI(publicKey), 'old')
    expect(fromSpki).toEqual(fromPem.publicJwk)
  })

  test('old keys: a JWK set, one JWK or several PEMs; private members dropped', async () => {
    const a = await generateTicketKeyPair()
    const b = await generateKeyPair('ES256', { extractable: true })
    const bKid = (await readSigningKey(await exportPKCS8(b.privateKey))).kid
    expect((await readPublicKeys(JSON.stringify({ keys: [a.privateJwk] }), 'old')).map((key) => key.kid)).toEqual([
      a.publicJwk.kid,
    ])
    expect(await readPublicKeys(a.publicJwk, 'old')).toEqual([a.publicJwk])
    const pems = `${await exportSPKI((await generateKeyPair('EdDSA')).publicKey)}\n${await exportSPKI(b.publicKey)}`
    const keys = await readPublicKeys(pems, 'old')
    expect(keys).toHaveLength(2)
    expect(keys[1].kid).toBe(bKid)
    expect(JSON.stringify(keys)).not.toContain('"d"')
  })

  test.each([
    ['an RSA JWK', JSON.stringify({ kty: 'RSA', n: 'x', e: 'AQAB' })],
    ['text that is no key', 'not a key at all'],
    ['a public key where a private one goes', 'PUBLIC'],
  ])('refused with a TypeError that never quotes the key: %s', async (_name, input) => {
    const key = input === 'PUBLIC' ? JSON.stringify((await generateTicketKeyPair()).publicJwk) : input
    const error = await readSigningKey(key).catch((failure: unknown) => failure)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).not.toContain(key)
  })
})

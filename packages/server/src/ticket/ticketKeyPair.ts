import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  importSPKI,
  type CryptoKey,
  type JWK,
} from 'jose'

/** The asymmetric algorithms a ticket may be signed with: keys that verify can be published. */
export type TicketKeyAlgorithm = 'EdDSA' | 'ES256'
export const TICKET_KEY_ALGORITHMS: readonly TicketKeyAlgorithm[] = ['EdDSA', 'ES256']

/** A private key: PKCS#8 PEM, or a JWK (object or JSON text), EdDSA Ed25519 or ES256 (P-256). */
export type TicketKeyInput = string | JWK

/** A public key as JWKS serves it: kid is the RFC 7638 thumbprint, whatever form the key came in. */
export type TicketPublicJwk = JWK & { kid: string; alg: TicketKeyAlgorithm; use: 'sig' }

export interface TicketSigningKey {
  alg: TicketKeyAlgorithm
  kid: string
  privateKey: CryptoKey
  publicJwk: TicketPublicJwk
}

/**
 * Reads a private key and derives its public JWK and kid. Rejects with a TypeError
 * that never quotes the key.
 */
export async function readSigningKey(input: TicketKeyInput, name = 'ticketKey'): Promise<TicketSigningKey> {
  const jwk = typeof input === 'string' && input.trim().startsWith('{') ? parseJwk(input, name) : input
  const { alg, key } =
    typeof jwk === 'string' ? await importEither(jwk, importPKCS8, name) : await importJwk(jwk, name, true)
  const full = await exportJWK(key)
  if (full.d === undefined) throw new TypeError(`${name} must be a private key (it holds a public one)`)
  const publicJwk = await publicJwkOf(full, alg)
  // Not extractable: nothing can read the private key back out of the running process.
  const privateKey = (await importJWK({ ...full, alg }, alg, { extractable: false })) as CryptoKey
  return { alg, kid: publicJwk.kid, privateKey, publicJwk }
}

/**
 * Public keys that verify tickets but never sign: a JWK set or one JWK (JSON text or
 * object), or one or more SPKI PEMs one after another. Private members are dropped.
 */
export async function readPublicKeys(input: string | JWK | { keys: JWK[] }, name: string): Promise<TicketPublicJwk[]> {
  if (typeof input === 'string' && !input.trim().startsWith('{')) {
    const pems = input.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g)
    if (pems === null) throw new TypeError(`${name} must be a JWK set (JSON) or SPKI PEM public keys`)
    return Promise.all(
      pems.map(async (pem) => {
        const { alg, key } = await importEither(pem, importSPKI, name)
        return publicJwkOf(await exportJWK(key), alg)
      }),
    )
  }
  const value = typeof input === 'string' ? parseJwk(input, name) : input
  const keys = Array.isArray((value as { keys?: unknown }).keys) ? (value as { keys: JWK[] }).keys : [value as JWK]
  return Promise.all(
    keys.map(async (jwk) => {
      const { alg, key } = await importJwk(publicPart(jwk), name, true)
      return publicJwkOf(await exportJWK(key), alg)
    }),
  )
}

/** The algorithm a JWK's curve implies; any other key type is refused. */
function algorithmOf(jwk: JWK, name: string): TicketKeyAlgorithm {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA'
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256'
  throw new TypeError(`${name} must be an Ed25519 (EdDSA) or P-256 (ES256) key`)
}

async function importJwk(jwk: JWK, name: string, extractable: boolean) {
  const alg = algorithmOf(jwk, name)
  try {
    return { alg, key: (await importJWK({ ...jwk, alg }, alg, { extractable })) as CryptoKey }
  } catch {
    throw new TypeError(`${name} is not a valid ${alg} JWK`)
  }
}

/** A PEM does not name its algorithm in a way jose reads: each one is tried. */
async function importEither(
  pem: string,
  importer: (pem: string, alg: string, options: { extractable: boolean }) => Promise<CryptoKey>,
  name: string,
) {
  for (const alg of TICKET_KEY_ALGORITHMS) {
    try {
      return { alg, key: await importer(pem, alg, { extractable: true }) }
    } catch {
      // the next algorithm
    }
  }
  throw new TypeError(`${name} must be a PEM Ed25519 (EdDSA) or P-256 (ES256) key`)
}

async function publicJwkOf(jwk: JWK, alg: TicketKeyAlgorithm): Promise<TicketPublicJwk> {
  const members = publicPart(jwk)
  return { ...members, kid: await calculateJwkThumbprint(members), alg, use: 'sig' }
}

/** The members that make up the public key (RFC 7638's for OKP and EC). */
function publicPart({ kty, crv, x, y }: JWK): JWK {
  return y === undefined ? { kty, crv, x } : { kty, crv, x, y }
}

function parseJwk(text: string, name: string): JWK {
  try {
    return JSON.parse(text) as JWK
  } catch {
    throw new TypeError(`${name} is neither JSON (a JWK) nor a PEM key`)
  }
}

/** A new Ed25519 pair as JWKs, kid set on both, so nobody hand-rolls a key. */
export async function generateTicketKeyPair(): Promise<{ privateJwk: JWK; publicJwk: TicketPublicJwk }> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  const full = await exportJWK(privateKey)
  const publicJwk = await publicJwkOf(full, 'EdDSA')
  return { privateJwk: { ...full, kid: publicJwk.kid, alg: 'EdDSA' }, publicJwk }
}

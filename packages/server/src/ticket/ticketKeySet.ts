import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose'
import { isRecord } from '../shared/isRecord'
import { GroupTicketError } from './GroupTicketError'

/** The public keys that verify asymmetric tickets: the resolver's JWKS URL, or the set itself. */
export type TicketKeySet = URL | JSONWebKeySet

/**
 * A remote set is fetched on first use, kept for 10 minutes, fetched again at once for a
 * kid it does not hold (a rotation) but at most every 30 s (a flood of made-up kids
 * cannot turn into a flood of fetches), and each fetch gives up after 5 s.
 */
const REMOTE = { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 600_000 }

/**
 * One remote set per URL for the whole process, so every verifier of one URL (the
 * guards', verifyGroupTicket's of one configuration and then another) fetches a JWKS
 * once, not once per verifier. Bounded: a server trusts a handful of resolvers, never
 * an unbounded list.
 */
const remoteSets = new Map<string, JWTVerifyGetKey>()
const MAX_REMOTE_SETS = 16

function remoteSet(url: URL): JWTVerifyGetKey {
  let set = remoteSets.get(url.href)
  if (set === undefined) {
    if (remoteSets.size >= MAX_REMOTE_SETS) remoteSets.delete(remoteSets.keys().next().value as string)
    set = createRemoteJWKSet(url, REMOTE)
    remoteSets.set(url.href, set)
  }
  return set
}

/** jose's key lookup, with its failures as GroupTicketErrors; checks the option's form at creation. */
export function keySetLookup(jwks: unknown): JWTVerifyGetKey {
  let lookup: JWTVerifyGetKey
  if (jwks instanceof URL) {
    lookup = remoteSet(jwks)
  } else if (isRecord(jwks) && Array.isArray(jwks.keys)) {
    lookup = createLocalJWKSet(jwks as unknown as JSONWebKeySet)
  } else {
    throw new TypeError("jwks must be a URL (the resolver's /.well-known/jwks.json) or a JWK set { keys: [...] }")
  }
  return async (header, token) => {
    try {
      return await lookup(header, token)
    } catch (error) {
      const code = isRecord(error) ? error.code : undefined
      // No key for this kid (and algorithm): a ticket this set cannot vouch for.
      if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') {
        throw new GroupTicketError('BAD_SIGNATURE')
      }
      // The set could not be fetched or read: the ticket may be fine, the keys are not here.
      throw new GroupTicketError('KEYS_UNAVAILABLE')
    }
  }
}

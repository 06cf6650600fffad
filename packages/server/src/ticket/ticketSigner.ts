import type { CryptoKey } from 'jose'
import { isRecord } from '../shared/isRecord'
import { readSigningKey, type TicketKeyAlgorithm, type TicketKeyInput } from './ticketKeyPair'
import { ticketKeys, type TicketSecretOptions } from './ticketSecrets'

/**
 * What signs tickets: an HS256 secret (or several, the first signs), or a private key
 * whose public half anyone may hold, so an API in any language verifies tickets
 * without a secret it could leak.
 */
export type TicketSigningOptions =
  | (TicketSecretOptions & { ticketKey?: undefined })
  | {
      /** PKCS#8 PEM or JWK (object or JSON text), EdDSA Ed25519 or ES256: its public JWK verifies. */
      ticketKey: TicketKeyInput
      ticketSecret?: undefined
      ticketSecrets?: undefined
    }

export interface TicketSigner {
  alg: 'HS256' | TicketKeyAlgorithm
  /** Set for a public key: the JWKS entry a verifier picks. */
  kid?: string
  key: CryptoKey
}

/** The signing key, checked for form at creation (TypeError) and imported on first use. */
export function ticketSigner(
  options: Partial<Record<keyof TicketSigningOptions, unknown>>,
): () => Promise<TicketSigner> {
  const { ticketKey } = options
  if (ticketKey === undefined) {
    const [secret] = ticketKeys(options)
    return async () => ({ alg: 'HS256', key: await secret() })
  }
  if (options.ticketSecret !== undefined || options.ticketSecrets !== undefined) {
    throw new TypeError('give ticketKey or ticketSecret(s), not both')
  }
  if (typeof ticketKey !== 'string' && !isRecord(ticketKey)) {
    throw new TypeError('ticketKey must be a PKCS#8 PEM string or a JWK')
  }
  let signer: Promise<TicketSigner> | undefined
  return () => {
    signer ??= readSigningKey(ticketKey as TicketKeyInput).then(({ alg, kid, privateKey }) => ({
      alg,
      kid,
      key: privateKey,
    }))
    return signer
  }
}

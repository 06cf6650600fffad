/** HS256 is only as strong as its key: shorter secrets are refused at creation. */
export const MIN_TICKET_SECRET_BYTES = 32

/**
 * The key(s) group tickets are signed and verified with. `ticketSecrets` rotates
 * keys: the first signs, every one verifies, so a new secret can go first while
 * tickets signed with the old one stay valid until they expire.
 */
export type TicketSecretOptions =
  { ticketSecret: string; ticketSecrets?: undefined } | { ticketSecrets: readonly string[]; ticketSecret?: undefined }

const encoder = new TextEncoder()

/** An HMAC-SHA-256 key, imported on first use and then reused. */
export type TicketKey = () => Promise<CryptoKey>

/**
 * The secrets as HMAC keys, signing key first. Throws a TypeError at creation for a
 * missing, doubled or short secret; the message never quotes a secret.
 */
export function ticketKeys(options: Partial<Record<keyof TicketSecretOptions, unknown>>): TicketKey[] {
  const { ticketSecret, ticketSecrets } = options
  if (ticketSecret !== undefined && ticketSecrets !== undefined) {
    throw new TypeError('give ticketSecret or ticketSecrets, not both')
  }
  if (ticketSecrets !== undefined) {
    if (!Array.isArray(ticketSecrets) || ticketSecrets.length === 0) {
      throw new TypeError('ticketSecrets must be a non-empty array of strings (the first one signs)')
    }
    return ticketSecrets.map((secret: unknown, index) => hmacKey(bytesOf(secret, `ticketSecrets[${index}]`)))
  }
  if (ticketSecret === undefined) {
    throw new TypeError(
      `ticketSecret is required: a random string of at least ${MIN_TICKET_SECRET_BYTES} bytes that signs group tickets (e.g. openssl rand -base64 48)`,
    )
  }
  return [hmacKey(bytesOf(ticketSecret, 'ticketSecret'))]
}

/**
 * jose would import raw bytes again on every sign and verify; a CryptoKey made
 * once halves the time per ticket. Not extractable: the key cannot be read back.
 */
function hmacKey(bytes: BufferSource): TicketKey {
  let key: Promise<CryptoKey> | undefined
  return () => {
    key ??= crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
    return key
  }
}

function bytesOf(secret: unknown, name: string): BufferSource {
  if (typeof secret !== 'string') throw new TypeError(`${name} must be a string`)
  const key = encoder.encode(secret)
  if (key.length < MIN_TICKET_SECRET_BYTES) {
    throw new TypeError(
      `${name} is ${key.length} bytes long; it must be at least ${MIN_TICKET_SECRET_BYTES} (e.g. openssl rand -base64 48)`,
    )
  }
  return key
}

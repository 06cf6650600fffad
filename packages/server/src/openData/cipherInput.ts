import { decodeBase64 } from './base64'
import { badInput, OpenDataError } from './OpenDataError'

const BLOCK_BYTES = 16
/** Group payloads are well under 1 KiB; the cap keeps hostile input cheap to refuse. */
export const MAX_CIPHERTEXT_BYTES = 64 * 1024
// The base64 length of exactly MAX_CIPHERTEXT_BYTES. A text within it decodes to at
// most 2 bytes more, and the next multiple of 16 is further away: with the block check
// below, this cap alone bounds the ciphertext, before anything is decoded.
const MAX_CIPHERTEXT_CHARS = Math.ceil(MAX_CIPHERTEXT_BYTES / 3) * 4

export interface CipherInput {
  ciphertext: Buffer
  iv: Buffer
}

/** Validates the client-sent half of open data; throws BAD_INPUT. */
export function decodeCipherInput(encryptedData: unknown, iv: unknown): CipherInput {
  if (typeof encryptedData !== 'string') throw badInput('encryptedData must be a string')
  if (typeof iv !== 'string') throw badInput('iv must be a string')
  if (encryptedData.length > MAX_CIPHERTEXT_CHARS) {
    throw badInput(`encryptedData is larger than ${MAX_CIPHERTEXT_BYTES} bytes`)
  }
  const ciphertext = decodeBase64(encryptedData)
  if (ciphertext === undefined) throw badInput('encryptedData is not standard base64')
  if (ciphertext.length === 0 || ciphertext.length % BLOCK_BYTES !== 0) {
    throw badInput('encryptedData must decode to a non-empty multiple of 16 bytes')
  }
  const ivBytes = iv.length <= 32 ? decodeBase64(iv) : undefined
  if (ivBytes === undefined || ivBytes.length !== BLOCK_BYTES) {
    throw badInput('iv must be standard base64 of exactly 16 bytes')
  }
  return { ciphertext, iv: ivBytes }
}

/** Validates the server-held session key; throws BAD_KEY without ever echoing it. */
export function decodeSessionKey(sessionKey: unknown): Buffer {
  const key = typeof sessionKey === 'string' && sessionKey.length <= 32 ? decodeBase64(sessionKey) : undefined
  if (key === undefined || key.length !== BLOCK_BYTES) {
    throw new OpenDataError('BAD_KEY', 'sessionKey must be standard base64 of exactly 16 bytes')
  }
  return key
}

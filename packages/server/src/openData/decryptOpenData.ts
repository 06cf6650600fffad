import { createDecipheriv } from 'node:crypto'
import { isRecord } from '../shared/isRecord'
import { decodeCipherInput, decodeSessionKey, type CipherInput } from './cipherInput'
import { OpenDataError } from './OpenDataError'
import { checkPolicy, checkWatermark, type WatermarkPolicy } from './watermark'

export interface DecryptOpenDataOptions extends WatermarkPolicy {
  /** base64 session_key from code2Session. */
  sessionKey: string
  encryptedData: string
  iv: string
}

/**
 * Decrypts WeChat open data (AES-128-CBC, PKCS#7) into its JSON object.
 * Unknown keys are kept. Throws OpenDataError for anything about the data, and
 * a TypeError for a policy (`maxAgeSeconds`, `now`) that is not a finite number.
 */
export function decryptOpenData(options: DecryptOpenDataOptions): Record<string, unknown> {
  checkPolicy(options)
  return decryptDecoded(options.sessionKey, decodeCipherInput(options.encryptedData, options.iv), options)
}

/**
 * decryptOpenData for a caller that decoded the client's half already, to
 * refuse it before spending a login code: each request is decoded once.
 */
export function decryptDecoded(
  sessionKey: string,
  input: CipherInput,
  policy: WatermarkPolicy,
): Record<string, unknown> {
  const json = parseJsonObject(decrypt(decodeSessionKey(sessionKey), input))
  checkWatermark(json, policy)
  return json
}

const BLOCK_BYTES = 16

/**
 * AES-128-CBC with the PKCS#7 padding checked here rather than by OpenSSL: the
 * whole plaintext then comes out of one update() call and is sliced, not
 * concatenated with final()'s last block (a copy on every request).
 */
function decrypt(key: Buffer, { ciphertext, iv }: CipherInput): Buffer {
  let padded: Buffer
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, iv).setAutoPadding(false)
    padded = decipher.update(ciphertext)
    decipher.final()
  } catch {
    throw decryptError()
  }
  const pad = padded[padded.length - 1]
  if (!(pad >= 1 && pad <= BLOCK_BYTES)) throw decryptError()
  for (let i = padded.length - pad; i < padded.length; i++) if (padded[i] !== pad) throw decryptError()
  return padded.subarray(0, padded.length - pad)
}

function decryptError(): OpenDataError {
  return new OpenDataError(
    'DECRYPT',
    'encryptedData could not be decrypted with this session key: it was made under another session (log in before fetching it) or was altered',
  )
}

// Strict: invalid UTF-8 throws instead of becoming U+FFFD, which might still parse,
// so a tampered block fails. Decoding without `stream` keeps no state between calls.
const UTF8 = new TextDecoder('utf-8', { fatal: true })

// A wrong key pads correctly about once in 256 tries and yields garbage, which
// must fail here as surely as bad padding fails above.
function parseJsonObject(plaintext: Buffer): Record<string, unknown> {
  let json: unknown
  try {
    json = JSON.parse(UTF8.decode(plaintext))
  } catch {
    json = undefined
  }
  if (!isRecord(json)) {
    throw new OpenDataError(
      'NOT_JSON',
      'the decrypted data is not a JSON object: it was made under another session key or was altered',
    )
  }
  return json
}

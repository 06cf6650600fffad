import { decodeCipherInput, type CipherInput } from './cipherInput'
import { badInput } from './errors'
import { isRecord } from './isRecord'
import { isSource, type GroupSource } from './types'

/** What the client kit's httpResolver POSTs. */
export interface GroupRequestBody {
  code: string
  encryptedData: string
  iv: string
  /** Sent when cloud development is on; a plain server cannot use it and ignores it. */
  cloudID?: string
  source?: GroupSource
}

/** What the resolver needs of a checked GroupRequestBody. */
export interface GroupRequest {
  code: string
  cipher: CipherInput
}

// WeChat login codes are 32 characters; anything far longer is not one and
// should not be forwarded to WeChat.
const MAX_CODE_LENGTH = 256

/**
 * Checks the body's shape and decodes its data; throws BAD_INPUT naming the
 * first field at fault, so malformed data fails before the code is spent on
 * WeChat's rate-limited API.
 */
export function readGroupRequest(body: unknown): GroupRequest {
  const { code, encryptedData, iv, cloudID, source } = bodyFields(body)
  if (typeof code !== 'string' || code === '' || code.length > MAX_CODE_LENGTH) {
    throw badInput('code must be the non-empty string from login')
  }
  const cipher = decodeCipherInput(encryptedData, iv)
  if (cloudID !== undefined && typeof cloudID !== 'string') throw badInput('cloudID must be a string when present')
  optionalSource(source)
  return { code, cipher }
}

/** The fields of a JSON body; the dev server's fake endpoints read theirs with it too. */
export function bodyFields(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw badInput('the body must be a JSON object')
  return body
}

/** `source` as httpResolver sends it; the fake's group-enter-info endpoint takes it too. */
export function optionalSource(value: unknown): GroupSource | undefined {
  if (value === undefined || isSource(value)) return value
  throw badInput("source must be 'getGroupEnterInfo' or 'getShareInfo' when present")
}

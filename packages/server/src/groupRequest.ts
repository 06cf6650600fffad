import { decodeCipherInput, type CipherInput } from './cipherInput'
import { badInput } from './errors'
import { isRecord } from './isRecord'
import { isSource, type GroupSource } from './types'

/**
 * What the client kit's httpResolver POSTs: exactly one of `code` (a fresh login)
 * and `session` (the id an earlier answer gave).
 */
export type GroupRequestBody = ({ code: string; session?: undefined } | { session: string; code?: undefined }) & {
  encryptedData: string
  iv: string
  /** Sent when cloud development is on; a plain server cannot use it and ignores it. */
  cloudID?: string
  source?: GroupSource
}

/** Who the request says the user is: a login code to exchange, or a session to look up. */
export type Credentials = { code: string; session?: undefined } | { session: string; code?: undefined }

/** What the resolver needs of a checked GroupRequestBody. */
export interface GroupRequest {
  credentials: Credentials
  cipher: CipherInput
}

// WeChat login codes are 32 characters and session ids 32; anything far longer is
// neither, and is not forwarded to WeChat or the session store.
const MAX_CREDENTIAL_LENGTH = 256

/**
 * Checks the body's shape and decodes its data; throws BAD_INPUT naming the
 * first field at fault, so malformed data fails before the code is spent on
 * WeChat's rate-limited API.
 */
export function readGroupRequest(body: unknown): GroupRequest {
  const { code, session, encryptedData, iv, cloudID, source } = bodyFields(body)
  const credentials = readCredentials(code, session)
  const cipher = decodeCipherInput(encryptedData, iv)
  if (cloudID !== undefined && typeof cloudID !== 'string') throw badInput('cloudID must be a string when present')
  optionalSource(source)
  return { credentials, cipher }
}

function readCredentials(code: unknown, session: unknown): Credentials {
  if (code !== undefined && session !== undefined) {
    throw badInput('send either code (from a fresh login) or session (from an earlier answer), not both')
  }
  if (session !== undefined) {
    if (typeof session !== 'string' || session === '' || session.length > MAX_CREDENTIAL_LENGTH) {
      throw badInput('session must be the non-empty string an earlier answer gave')
    }
    return { session }
  }
  if (code === undefined) {
    throw badInput('send code (from login) or session (from an earlier answer) with the group data')
  }
  if (typeof code !== 'string' || code === '' || code.length > MAX_CREDENTIAL_LENGTH) {
    throw badInput('code must be the non-empty string from login')
  }
  return { code }
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

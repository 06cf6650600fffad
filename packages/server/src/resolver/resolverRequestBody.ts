import { decodeCipherInput, type CipherInput } from '../openData/cipherInput'
import { badInput } from '../openData/OpenDataError'
import { isRecord } from '../shared/isRecord'
import { sessionExpired } from '../sessions/SessionError'
import {
  isGroupEnterSource,
  MAX_CREDENTIAL_LENGTH,
  type Credentials,
  type GroupEnterSource,
  type ResolverRequestBody,
} from '../shared/wire'

export type { Credentials, ResolverRequestBody }

/**
 * What the resolver needs of a checked ResolverRequestBody: what the client kit's
 * httpResolver POSTs, exactly one of `code` (a fresh login) and `session` (the id an
 * earlier answer gave).
 */
export interface ResolverRequest {
  credentials: Credentials
  cipher: CipherInput
  /** The app resolves single chats too; without it a single chat's data is unreadable data. */
  allowSingleChat: boolean
}

/**
 * Checks the body's shape and decodes its data; throws BAD_INPUT naming the
 * first field at fault, so malformed data fails before the code is spent on
 * WeChat's rate-limited API, or SESSION_EXPIRED for a session it cannot read.
 */
export function readResolverRequest(body: unknown): ResolverRequest {
  const { code, session, encryptedData, iv, cloudID, source, allowSingleChat = false } = bodyFields(body)
  const credentials = readCredentials(code, session)
  const cipher = decodeCipherInput(encryptedData, iv)
  if (cloudID !== undefined && typeof cloudID !== 'string') throw badInput('cloudID must be a string when present')
  optionalSource(source)
  if (typeof allowSingleChat !== 'boolean') throw badInput('allowSingleChat must be true or false when present')
  return { credentials, cipher, allowSingleChat }
}

function readCredentials(code: unknown, session: unknown): Credentials {
  if (code !== undefined && session !== undefined) {
    throw badInput('send either code (from a fresh login) or session (from an earlier answer), not both')
  }
  if (session !== undefined) {
    // A session this server cannot read is one it does not have: the answer that
    // makes the client forget it and log in, where BAD_INPUT would come back on
    // every launch. It is never looked up.
    if (typeof session !== 'string' || session === '' || session.length > MAX_CREDENTIAL_LENGTH) {
      throw sessionExpired()
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
export function optionalSource(value: unknown): GroupEnterSource | undefined {
  if (value === undefined || isGroupEnterSource(value)) return value
  throw badInput("source must be 'getGroupEnterInfo', 'getShareInfo' or 'getChatToolInfo' when present")
}

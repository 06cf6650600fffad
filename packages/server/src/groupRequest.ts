import { OpenDataError } from './errors'
import { isRecord } from './isRecord'

/** What the client kit's httpResolver POSTs. */
export interface GroupRequestBody {
  code: string
  encryptedData: string
  iv: string
  /** Sent when cloud development is on; a plain server cannot use it and ignores it. */
  cloudID?: string
  source?: 'getGroupEnterInfo' | 'getShareInfo'
}

// WeChat login codes are 32 characters; anything far longer is not one and
// should not be forwarded to WeChat.
const MAX_CODE_LENGTH = 256

/** Checks the body's shape; throws BAD_INPUT naming the first field at fault. */
export function readGroupRequest(body: unknown): GroupRequestBody {
  if (!isRecord(body)) throw badInput('the body must be a JSON object')
  const { code, encryptedData, iv, cloudID, source } = body
  if (typeof code !== 'string' || code === '' || code.length > MAX_CODE_LENGTH) {
    throw badInput('code must be the non-empty string from login')
  }
  if (typeof encryptedData !== 'string') throw badInput('encryptedData must be a string')
  if (typeof iv !== 'string') throw badInput('iv must be a string')
  if (cloudID !== undefined && typeof cloudID !== 'string') throw badInput('cloudID must be a string when present')
  if (source !== undefined && source !== 'getGroupEnterInfo' && source !== 'getShareInfo') {
    throw badInput("source must be 'getGroupEnterInfo' or 'getShareInfo' when present")
  }
  return { code, encryptedData, iv, cloudID, source }
}

function badInput(message: string): OpenDataError {
  return new OpenDataError('BAD_INPUT', message)
}

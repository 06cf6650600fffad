import { code2Session, ENDPOINT_ENV, wechatEndpoint, type FetchLike } from './code2Session'
import { decryptDecoded } from './decryptOpenData'
import { groupFromPayload } from './groupFromPayload'
import { readGroupRequest } from './groupRequest'
import type { ResolvedGroup } from './types'

export interface GroupResolverOptions {
  appId: string
  secret: string
  /**
   * WeChat's API origin. Default: the OPENGID_WECHAT_ENDPOINT environment
   * variable as it is at creation, else https://api.weixin.qq.com.
   */
  endpoint?: string
  /** Refuse watermarked data older than this (EXPIRED). Unset: no age limit. */
  maxAgeSeconds?: number
  fetch?: FetchLike
  /** code2Session timeout per attempt; default 5000. */
  timeoutMs?: number
}

/**
 * Turns a client's `{ code, encryptedData, iv }` into its group: one
 * code2Session call, then decryption with that session's key. Throws
 * OpenDataError or WeChatApiError. Configuration mistakes throw a TypeError
 * here, at start-up, rather than on the first request.
 */
export function createGroupResolver(options: GroupResolverOptions): (body: unknown) => Promise<ResolvedGroup> {
  checkOptions(options)
  const { appId, secret, maxAgeSeconds, fetch, timeoutMs } = options
  const endpoint = checkedEndpoint(options.endpoint)
  return async (body) => {
    const { code, cipher } = readGroupRequest(body)
    const { sessionKey } = await code2Session({ appId, secret, code, endpoint, fetch, timeoutMs })
    return groupFromPayload(decryptDecoded(sessionKey, cipher, { appId, maxAgeSeconds }))
  }
}

function checkOptions(options: GroupResolverOptions): void {
  if (typeof options.appId !== 'string' || options.appId === '') throw new TypeError('appId must be a non-empty string')
  if (typeof options.secret !== 'string' || options.secret === '')
    throw new TypeError('secret must be a non-empty string')
  const { maxAgeSeconds, timeoutMs } = options
  if (maxAgeSeconds !== undefined && !(maxAgeSeconds >= 0 && Number.isFinite(maxAgeSeconds))) {
    throw new TypeError('maxAgeSeconds must be a finite number >= 0')
  }
  if (timeoutMs !== undefined && !(timeoutMs > 0 && Number.isFinite(timeoutMs))) {
    throw new TypeError('timeoutMs must be a finite number > 0')
  }
}

/** Resolved once, so a mistyped option or environment variable fails at start-up, not on each request. */
function checkedEndpoint(option: string | undefined): string {
  const endpoint = wechatEndpoint(option)
  let protocol: string | undefined
  try {
    protocol = new URL(endpoint).protocol
  } catch {
    protocol = undefined
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    const source = option === undefined ? `the ${ENDPOINT_ENV} environment variable` : 'endpoint'
    throw new TypeError(`${source} must be an http(s) URL such as https://api.weixin.qq.com`)
  }
  return endpoint
}

import { isFiniteAtLeast } from '../../shared/optionChecks'
import { storeTimeout } from '../../stores/guardStore'
import type { InternalErrorReporter } from '../../shared/reportInternalError'
import { checkedEndpoint } from '../wechatEndpoint'
import { checkWeChatOptions } from '../wechatOptions'
import { wechatTransport, type FetchLike, type WeChatTransport } from '../wechatRequest'
import { memoryTokenStore } from './memoryTokenStore'
import { requestStableToken } from './stableToken'
import type { AccessTokenStore } from './tokenStore'
import { tolerantTokenStore } from './tolerantTokenStore'

export interface AccessTokenCacheOptions {
  appId: string
  secret: string
  /** Where tokens live; default a memoryTokenStore() of this cache's own. redisTokenStore shares them. */
  store?: AccessTokenStore
  /**
   * WeChat's API origin. Default: the OPENGID_WECHAT_ENDPOINT environment
   * variable as it is at creation, else https://api.weixin.qq.com.
   */
  endpoint?: string
  fetch?: FetchLike
  /** Per attempt of each WeChat call; default 5000. */
  timeoutMs?: number
  /**
   * A token with this little left to live is renewed; default and most 300.
   * WeChat hands out the same stable token until it has 300 s left, so renewing
   * any earlier would only fetch that same token again, on every call.
   */
  renewBeforeSeconds?: number
  /** The clock, in ms since the epoch; default Date.now. */
  now?: () => number
  /**
   * How long each token store operation may take; default 1000. A slower one
   * counts as failed: the cache asks WeChat instead.
   */
  storeTimeoutMs?: number
  /** Receives token store failures (the cache then asks WeChat); default console.error. */
  onInternalError?: InternalErrorReporter
}

/** The app's access token, and how WeChat is called with it. */
export interface AccessTokenCache {
  readonly appId: string
  /** Where and how the cache calls WeChat; createActivityId and setChatToolMsg call the same way. */
  readonly transport: WeChatTransport
  /** A token with more than renewBeforeSeconds to live: the stored one, else a fresh one from WeChat. */
  get(): Promise<string>
  /**
   * Tells the cache WeChat refused `token` (40001 invalid, 42001 expired): the
   * next get() fetches a token instead of serving this one. A newer token
   * already stored is kept.
   */
  invalidate(token: string): Promise<void>
}

export const DEFAULT_RENEW_BEFORE_SECONDS = 300

/**
 * An access token cache over POST /cgi-bin/stable_token (see stableToken.ts for
 * why that endpoint). Single flight per cache: however many calls to get() are
 * waiting, one lookup runs, and at most one request goes to WeChat; a failed
 * request rejects every waiter with its WeChatApiError and the next get() tries
 * again. Across instances sharing a redisTokenStore there is no lock: two
 * instances that both find no token each ask WeChat once, and both get the same
 * stable token. No error or report quotes the secret or a token.
 */
export function createAccessTokenCache(options: AccessTokenCacheOptions): AccessTokenCache {
  checkWeChatOptions(options)
  const { appId, secret, now = Date.now, renewBeforeSeconds = DEFAULT_RENEW_BEFORE_SECONDS } = options
  if (!(isFiniteAtLeast(renewBeforeSeconds, 0) && renewBeforeSeconds <= DEFAULT_RENEW_BEFORE_SECONDS)) {
    throw new TypeError('renewBeforeSeconds must be a number from 0 to 300')
  }
  if (typeof now !== 'function') throw new TypeError('now must be a function returning ms since the epoch')
  const transport = wechatTransport(checkedEndpoint(options.endpoint), options)
  const store = tolerantTokenStore(
    options.store ?? memoryTokenStore(),
    options.onInternalError,
    storeTimeout(options.storeTimeoutMs),
  )
  let pending: Promise<string> | undefined
  // The last token invalidated here, never served from the store again: another
  // instance may have stored it back before this one's invalidate deleted it.
  let refused: string | undefined

  const refresh = async (): Promise<string> => {
    const record = await requestStableToken(transport, appId, secret, now)
    refused = undefined
    const ttlSeconds = Math.floor((record.expiresAt - now()) / 1000)
    const kept = ttlSeconds > 0 ? store.set(appId, record, ttlSeconds) : undefined
    // A store that just failed to read would hold every waiter for another deadline
    // only to save the next call a request: the token is handed out without waiting
    // (the write still runs, and never rejects). A store that answers is waited for,
    // so a call right after, here or on another instance, finds the token.
    if (!store.failing) await kept
    return record.token
  }
  const lookup = async (): Promise<string> => {
    const stored = await store.get(appId)
    const fresh = stored !== undefined && stored.expiresAt - now() > renewBeforeSeconds * 1000
    return fresh && stored.token !== refused ? stored.token : refresh()
  }

  return {
    appId,
    transport,
    get() {
      pending ??= lookup().finally(() => {
        pending = undefined
      })
      return pending
    },
    async invalidate(token) {
      if (typeof token !== 'string' || token === '') throw new TypeError('token must be a non-empty string')
      refused = token
      const stored = await store.get(appId)
      if (stored?.token === token) await store.delete(appId)
    },
  }
}

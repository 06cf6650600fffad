import { randomBytes } from 'node:crypto'
import { isRecord } from '../shared/isRecord'
import { wechatError, type FakeAnswer } from './fakeAnswer'

export interface FakeAccessTokens {
  /** Every token handed out, oldest first, revoked and expired ones too. */
  readonly issued: readonly string[]
  /** POST /cgi-bin/stable_token: `body` is the parsed JSON, undefined when it was none. */
  stableToken(body: unknown): FakeAnswer
  /** Runs an API route for a valid `access_token` of the query; else WeChat's error for the token. */
  authorized(query: URLSearchParams, route: () => FakeAnswer): FakeAnswer
  /** Makes `token` invalid at once (40001), as another caller's force_refresh would. */
  revoke(token: string): void
}

/** A stable token lives 7200 s; WeChat renews it once it has 300 s or less left, and both work until the old one expires. */
const TOKEN_LIFE_MS = 7200 * 1000
const RENEW_BEFORE_MS = 300 * 1000

/**
 * The stable access token as WeChat's docs describe it: every normal-mode caller
 * gets the same token while it has more than 5 minutes to live, then a new one,
 * with the old one still working until it expires; force_refresh: true replaces
 * it at once and the old one stops working.
 */
export function fakeAccessTokens({
  appId,
  secret,
  now,
}: {
  appId: string
  secret: string
  now: () => number
}): FakeAccessTokens {
  const expiries = new Map<string, number>()
  const issued: string[] = []
  let current: string | undefined

  const issue = (): string => {
    const token = randomBytes(48).toString('base64url')
    expiries.set(token, now() + TOKEN_LIFE_MS)
    issued.push(token)
    current = token
    return token
  }
  const leftMs = (token: string): number => (expiries.get(token) ?? 0) - now()
  const revoke = (token: string): void => {
    expiries.delete(token)
    if (current === token) current = undefined
  }

  return {
    get issued() {
      return [...issued]
    },
    stableToken(body) {
      if (!isRecord(body)) return wechatError(47001)
      const { grant_type: grantType, appid, secret: given, force_refresh: force = false } = body
      if (typeof force !== 'boolean') return wechatError(47001, 'force_refresh must be a boolean')
      if (grantType !== 'client_credential') return wechatError(40002)
      if (appid !== appId) return wechatError(40013)
      // At the token endpoints WeChat answers a wrong AppSecret with 40001.
      if (given !== secret) return wechatError(40001, 'check the AppSecret')
      if (force && current !== undefined) revoke(current)
      const token = current !== undefined && leftMs(current) > RENEW_BEFORE_MS ? current : issue()
      return { access_token: token, expires_in: Math.floor(leftMs(token) / 1000) }
    },
    authorized(query, route) {
      const token = query.get('access_token')
      if (token === null || token === '') return wechatError(41001)
      if (!expiries.has(token)) return wechatError(40001)
      return leftMs(token) > 0 ? route() : wechatError(42001)
    },
    revoke,
  }
}

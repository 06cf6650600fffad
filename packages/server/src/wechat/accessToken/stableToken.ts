import { isFiniteAtLeast } from '../../shared/optionChecks'
import { callWeChat, wechatUnreachable, type WeChatTransport } from '../wechatRequest'
import type { AccessTokenRecord } from './tokenStore'

/**
 * POST /cgi-bin/stable_token in its normal mode. Unlike /cgi-bin/token, whose
 * every call invalidates the token before it (after a 5-minute overlap), the
 * stable token is handed to every caller alike while it is valid: one instance
 * fetching it never breaks the token another instance, or another system of the
 * same app, is using. WeChat renews it 5 minutes before it expires, and old and
 * new both work meanwhile.
 *
 * force_refresh is always false. A forced refresh invalidates the token at once
 * for everyone else, and WeChat allows 20 a day, 30 s apart; a normal call
 * already answers the newest token, so a token WeChat refused (40001, 42001) is
 * replaced without one.
 */
export async function requestStableToken(
  transport: WeChatTransport,
  appId: string,
  secret: string,
  now: () => number,
): Promise<AccessTokenRecord> {
  // Counted from the moment of asking: the token's life started no later.
  const askedAt = now()
  const answer = await callWeChat(transport, '/cgi-bin/stable_token', {
    body: { grant_type: 'client_credential', appid: appId, secret, force_refresh: false },
    redact: [secret],
  })
  const { access_token: token, expires_in: expiresIn } = answer
  // Finite too: JSON.parse reads 1e400 as Infinity, a token no store could keep.
  if (typeof token !== 'string' || token === '' || !(isFiniteAtLeast(expiresIn, 0) && expiresIn > 0)) {
    throw wechatUnreachable('the answer has no access_token or expires_in')
  }
  return { token, expiresAt: askedAt + expiresIn * 1000 }
}

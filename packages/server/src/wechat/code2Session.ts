import { wechatEndpoint } from './wechatEndpoint'
import { callWeChat, wechatTransport, wechatUnreachable, type FetchLike } from './wechatRequest'

export interface Code2SessionOptions {
  appId: string
  secret: string
  /** The code from the client's login call; it works once. */
  code: string
  /**
   * WeChat's API origin. Default: the OPENGID_WECHAT_ENDPOINT environment
   * variable when set, else https://api.weixin.qq.com.
   */
  endpoint?: string
  fetch?: FetchLike
  /** Per attempt; default 5000. */
  timeoutMs?: number
  /** The whole call, its retry included, ends within this many ms; default no limit beyond the attempts'. */
  budgetMs?: number
}

export interface WeChatSession {
  openid: string
  /** base64; never send it to a client or write it to a log. */
  sessionKey: string
  unionid?: string
}

/**
 * Exchanges a login code for the user's session. WeChat's errcodes become
 * WeChatApiError (40029 invalid code, 45011 rate limited, 40226 high-risk
 * user, ...); "system busy" (-1) is retried once at once if a whole attempt fits
 * in `budgetMs`; no usable answer
 * (network failure, timeout, not JSON) is WECHAT_UNREACHABLE. The request URL
 * carries the secret, so no error quotes the URL or the underlying error's
 * message.
 */
export async function code2Session(options: Code2SessionOptions): Promise<WeChatSession> {
  const answer = await callWeChat(wechatTransport(wechatEndpoint(options.endpoint), options), '/sns/jscode2session', {
    query: { appid: options.appId, secret: options.secret, js_code: options.code, grant_type: 'authorization_code' },
    redact: [options.secret],
    budgetMs: options.budgetMs,
  })
  const { openid, session_key: sessionKey, unionid } = answer
  if (typeof openid !== 'string' || typeof sessionKey !== 'string') {
    throw wechatUnreachable('the answer has no openid or session_key')
  }
  return typeof unionid === 'string' ? { openid, sessionKey, unionid } : { openid, sessionKey }
}

import { WECHAT_UNREACHABLE, WeChatApiError } from './errors'
import { isRecord } from './isRecord'
import { systemErrorCode } from './systemErrorCode'

/** The part of fetch code2Session uses; global fetch, undici or node-fetch all fit. */
export type FetchLike = (
  url: string,
  init: { method: string; signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>

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
}

export interface WeChatSession {
  openid: string
  /** base64; never send it to a client or write it to a log. */
  sessionKey: string
  unionid?: string
}

export const DEFAULT_ENDPOINT = 'https://api.weixin.qq.com'
/**
 * The environment variable that points code2Session at another origin (a fake
 * WeChat) without changing code, wherever no `endpoint` option is given.
 */
export const ENDPOINT_ENV = 'OPENGID_WECHAT_ENDPOINT'
const DEFAULT_TIMEOUT_MS = 5000
const SYSTEM_BUSY = -1

/**
 * Exchanges a login code for the user's session. WeChat's errcodes become
 * WeChatApiError (40029 invalid code, 45011 rate limited, 40226 high-risk
 * user, ...); "system busy" (-1) is retried once at once; no usable answer
 * (network failure, timeout, not JSON) is WECHAT_UNREACHABLE. The request URL
 * carries the secret, so no error quotes the URL or the underlying error's
 * message.
 */
export async function code2Session(options: Code2SessionOptions): Promise<WeChatSession> {
  const query = new URLSearchParams({
    appid: options.appId,
    secret: options.secret,
    js_code: options.code,
    grant_type: 'authorization_code',
  })
  const url = `${wechatEndpoint(options.endpoint).replace(/\/+$/, '')}/sns/jscode2session?${query}`
  const attempt = () => requestSession(url, options.fetch ?? fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  try {
    return await attempt()
  } catch (error) {
    if (error instanceof WeChatApiError && error.errcode === SYSTEM_BUSY) return attempt()
    throw error
  }
}

/** The origin code2Session calls: the option, else the environment variable, else WeChat's. */
export function wechatEndpoint(option: string | undefined): string {
  if (option !== undefined) return option
  // Read on each call, not at import, so a test or a dev script can set it late;
  // `process` is missing in runtimes without Node compatibility.
  const fromEnv = typeof process === 'undefined' ? undefined : process.env[ENDPOINT_ENV]
  return fromEnv === undefined || fromEnv === '' ? DEFAULT_ENDPOINT : fromEnv
}

async function requestSession(url: string, fetchImpl: FetchLike, timeoutMs: number): Promise<WeChatSession> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  let status: number
  let text: string
  try {
    const response = await fetchImpl(url, { method: 'GET', signal: controller.signal })
    status = response.status
    text = await response.text()
  } catch (error) {
    throw unreachable(controller.signal.aborted ? `no answer within ${timeoutMs} ms` : networkFailure(error))
  } finally {
    clearTimeout(timer)
  }
  if (status < 200 || status > 299) throw unreachable(`WeChat answered HTTP ${status}`)
  return parseSession(text)
}

function parseSession(text: string): WeChatSession {
  let answer: unknown
  try {
    answer = JSON.parse(text)
  } catch {
    throw unreachable('the answer is not JSON')
  }
  if (!isRecord(answer)) throw unreachable('the answer is not a JSON object')
  if (typeof answer.errcode === 'number' && answer.errcode !== 0) {
    throw new WeChatApiError(answer.errcode, typeof answer.errmsg === 'string' ? answer.errmsg : '')
  }
  const { openid, session_key: sessionKey, unionid } = answer
  if (typeof openid !== 'string' || typeof sessionKey !== 'string') {
    throw unreachable('the answer has no openid or session_key')
  }
  return typeof unionid === 'string' ? { openid, sessionKey, unionid } : { openid, sessionKey }
}

/** Custom fetches may put the URL, with the secret, in their messages. */
function networkFailure(error: unknown): string {
  const code = systemErrorCode(error)
  return code === undefined ? 'network error' : `network error (${code})`
}

function unreachable(reason: string): WeChatApiError {
  return new WeChatApiError(WECHAT_UNREACHABLE, `could not reach WeChat: ${reason}`)
}

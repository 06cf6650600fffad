import { deadlineIn, NO_DEADLINE, withDeadline } from '../shared/deadline'
import { isRecord } from '../shared/isRecord'
import { systemErrorCode } from '../shared/systemErrorCode'
import { WECHAT_UNREACHABLE, WeChatApiError } from './WeChatApiError'

/** The part of fetch the WeChat calls use; global fetch, undici or node-fetch all fit. */
export type FetchLike = (
  url: string,
  /** `headers` and `body` come with the POST calls (stable_token, chattoolmsg/send) only. */
  init: { method: string; signal: AbortSignal; headers?: Record<string, string>; body?: string },
) => Promise<{ status: number; text(): Promise<string> }>

/** Where and how WeChat's server API is called. */
export interface WeChatTransport {
  /** WeChat's API origin, https://api.weixin.qq.com or a fake's. */
  readonly endpoint: string
  readonly fetch: FetchLike
  /** Per attempt. */
  readonly timeoutMs: number
}

export interface WeChatCall {
  /** The query string; it can hold the AppSecret or an access token, so no error quotes the URL. */
  query?: Record<string, string>
  /** Sent as JSON in a POST; without one the call is a GET. */
  body?: unknown
  /** Values (the AppSecret, a token) cut out of WeChat's errmsg before it reaches an error. */
  redact?: readonly string[]
  /**
   * The whole call, its retry included, ends within this many ms: what is left of
   * a request's budget. Default: no limit beyond the attempts' own.
   */
  budgetMs?: number
}

export const DEFAULT_TIMEOUT_MS = 5000

/** A caller's transport options with their defaults: the global fetch, DEFAULT_TIMEOUT_MS. */
export const wechatTransport = (
  endpoint: string,
  options: { fetch?: FetchLike; timeoutMs?: number },
): WeChatTransport => ({ endpoint, fetch: options.fetch ?? fetch, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS })
/** WeChat's "system busy": worth one more try at once. */
const SYSTEM_BUSY = -1

/**
 * One WeChat server API call: the answer's JSON object when its errcode is 0 or
 * absent. A WeChat errcode becomes WeChatApiError; -1 (system busy) is retried
 * once at once, when a whole attempt still fits in `budgetMs`; no usable answer
 * (network failure, timeout, an HTTP error status, not a JSON object) is
 * WECHAT_UNREACHABLE. No error quotes the URL, the body or the underlying
 * error's message: they can hold the AppSecret or a token.
 */
export async function callWeChat(
  transport: WeChatTransport,
  path: string,
  call: WeChatCall,
): Promise<Record<string, unknown>> {
  const search = new URLSearchParams(call.query).toString()
  const url = `${transport.endpoint.replace(/\/+$/, '')}${path}${search === '' ? '' : `?${search}`}`
  const budget = call.budgetMs === undefined ? NO_DEADLINE : deadlineIn(call.budgetMs)
  const attempt = () => requestJson(url, call, transport, Math.min(transport.timeoutMs, budget.remainingMs()))
  try {
    return await attempt()
  } catch (error) {
    const busy = error instanceof WeChatApiError && error.errcode === SYSTEM_BUSY
    if (busy && budget.remainingMs() >= transport.timeoutMs) return attempt()
    throw error
  }
}

async function requestJson(
  url: string,
  call: WeChatCall,
  transport: WeChatTransport,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  if (!(timeoutMs > 0)) throw wechatUnreachable('no time was left for the call')
  const { fetch: fetchImpl } = transport
  const controller = new AbortController()
  const init =
    call.body === undefined
      ? { method: 'GET', signal: controller.signal }
      : {
          method: 'POST',
          signal: controller.signal,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(call.body),
        }
  let status: number
  let text: string
  try {
    // Aborted and raced: a custom fetch may ignore its signal.
    ;({ status, text } = await withDeadline(readAnswer(fetchImpl, url, init), timeoutMs, () => {
      controller.abort()
      return new Error('aborted')
    }))
  } catch (error) {
    throw wechatUnreachable(
      controller.signal.aborted ? `no answer within ${Math.round(timeoutMs)} ms` : networkFailure(error),
    )
  }
  if (status < 200 || status > 299) throw wechatUnreachable(`WeChat answered HTTP ${status}`)
  return parseAnswer(text, call.redact ?? [])
}

async function readAnswer(
  fetchImpl: FetchLike,
  url: string,
  init: Parameters<FetchLike>[1],
): Promise<{ status: number; text: string }> {
  const response = await fetchImpl(url, init)
  return { status: response.status, text: await response.text() }
}

function parseAnswer(text: string, redact: readonly string[]): Record<string, unknown> {
  let answer: unknown
  try {
    answer = JSON.parse(text)
  } catch {
    throw wechatUnreachable('the answer is not JSON')
  }
  if (!isRecord(answer)) throw wechatUnreachable('the answer is not a JSON object')
  const errcode = errcodeOf(answer.errcode)
  if (errcode !== 0) {
    const errmsg = typeof answer.errmsg === 'string' ? answer.errmsg : ''
    throw new WeChatApiError(errcode, redact.reduce(cutOut, errmsg))
  }
  return answer
}

/** WeChat's own examples send errcode as a string now and then ("42001"); no errcode is success. */
function errcodeOf(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value)
  return 0
}

function cutOut(text: string, value: string): string {
  return value === '' ? text : text.split(value).join('[redacted]')
}

/** Custom fetches may put the URL, with the secret or a token, in their messages. */
function networkFailure(error: unknown): string {
  const code = systemErrorCode(error)
  return code === undefined ? 'network error' : `network error (${code})`
}

/** No usable answer: WeChat could not be asked, or its answer is not the API's. */
export function wechatUnreachable(reason: string): WeChatApiError {
  return new WeChatApiError(WECHAT_UNREACHABLE, `could not reach WeChat: ${reason}`)
}

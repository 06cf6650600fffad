import type { CipherInput } from '../openData/cipherInput'
import { decryptDecoded } from '../openData/decryptOpenData'
import { groupFromPayload } from '../openData/groupFromPayload'
import { checkPolicy } from '../openData/watermark'
import { resumeSession, startSession } from '../sessions/groupSessions'
import { memorySessionStore } from '../sessions/memorySessionStore'
import { guardSessionStore, type SessionStore } from '../sessions/sessionStore'
import { deadlineIn } from '../shared/deadline'
import { checkPositiveFinite } from '../shared/optionChecks'
import type { GroupAnswer, ResolvedGroup } from '../shared/wire'
import { storeTimeout } from '../stores/guardStore'
import { createTicketIssuer } from '../ticket/issueGroupTicket'
import type { TicketSigningOptions } from '../ticket/ticketSigner'
import { code2Session } from '../wechat/code2Session'
import { checkedEndpoint } from '../wechat/wechatEndpoint'
import { checkWeChatOptions } from '../wechat/wechatOptions'
import type { FetchLike } from '../wechat/wechatRequest'
import { readResolverRequest } from './resolverRequestBody'

export type GroupResolverOptions = TicketSigningOptions & {
  appId: string
  secret: string
  /** Where sessions live; default a memorySessionStore() of this resolver's own. */
  sessions?: SessionStore
  /** How long a ticket is valid; default 7200 (2 hours). */
  ticketTtlSeconds?: number
  /**
   * WeChat's API origin. Default: the OPENGID_WECHAT_ENDPOINT environment
   * variable as it is at creation, else https://api.weixin.qq.com.
   */
  endpoint?: string
  /** Refuse watermarked data older than this. Unset: no age limit. */
  maxAgeSeconds?: number
  fetch?: FetchLike
  /** code2Session timeout per attempt; default 5000. */
  timeoutMs?: number
  /** How long each session store operation may take; default 1000. Then 503 SESSIONS_UNAVAILABLE. */
  storeTimeoutMs?: number
  /**
   * How long one request may take once its body is read, every call included;
   * default 8000, below the client kit's 10 s attempt. WeChat's retry runs only if
   * it fits; what cannot finish in time is a 503.
   */
  requestBudgetMs?: number
}

/** Below the client kit's 10 s attempt, which also holds its login and the bridge call. */
export const DEFAULT_REQUEST_BUDGET_MS = 8000

/**
 * Turns a client's `{ code | session, encryptedData, iv, allowSingleChat? }` into its room, a
 * ticket for it and the session to use next time. A code costs one code2Session
 * call and starts a session; a session costs a store lookup. Throws
 * OpenDataError (its code says exactly what failed: for your logs, never for
 * the client), WeChatApiError or SessionError. Configuration mistakes throw a
 * TypeError here, at start-up, rather than on the first request.
 */
export function createGroupResolver(options: GroupResolverOptions): (body: unknown) => Promise<GroupAnswer> {
  checkResolverOptions(options)
  const issue = createTicketIssuer(options)
  const store = options.sessions ?? memorySessionStore()
  const storeTimeoutMs = storeTimeout(options.storeTimeoutMs)
  const { appId, secret, maxAgeSeconds, fetch, timeoutMs, requestBudgetMs = DEFAULT_REQUEST_BUDGET_MS } = options
  // A budget the store's read and write can use up would fail every cold request, WeChat never asked.
  if (requestBudgetMs <= 2 * storeTimeoutMs) {
    throw new TypeError('requestBudgetMs must be more than twice storeTimeoutMs: WeChat needs time between them')
  }
  const endpoint = checkedEndpoint(options.endpoint)
  const groupReader =
    (cipher: CipherInput, allowSingleChat: boolean) =>
    (sessionKey: string): ResolvedGroup =>
      groupFromPayload(decryptDecoded(sessionKey, cipher, { appId, maxAgeSeconds }), allowSingleChat)

  return async (body) => {
    const { credentials, cipher, allowSingleChat } = readResolverRequest(body)
    const readGroup = groupReader(cipher, allowSingleChat)
    const deadline = deadlineIn(requestBudgetMs)
    const sessions = guardSessionStore(store, () => Math.min(storeTimeoutMs, deadline.remainingMs()))
    // WeChat leaves the session's write its time: a session key that cannot be kept is a login spent for nothing.
    const loginWith = (code: string) => () =>
      code2Session({
        appId,
        secret,
        code,
        endpoint,
        fetch,
        timeoutMs,
        budgetMs: deadline.remainingMs() - storeTimeoutMs,
      })
    const { session, openid, group } =
      credentials.code === undefined
        ? await resumeSession(sessions, credentials.session, readGroup)
        : await startSession(sessions, loginWith(credentials.code), readGroup)
    return { ...group, ...(await issue(openid, group)), session }
  }
}

/** The checks of createGroupResolver's own options; ticket and store options are checked where they are used. */
function checkResolverOptions(options: GroupResolverOptions): void {
  checkWeChatOptions(options)
  const { secret, ticketSecret, ticketSecrets, maxAgeSeconds, requestBudgetMs } = options
  if (requestBudgetMs !== undefined) checkPositiveFinite(requestBudgetMs, 'requestBudgetMs')
  // Both would leak together; and whoever holds the AppSecret could then sign tickets.
  if (ticketSecret === secret || (Array.isArray(ticketSecrets) && ticketSecrets.includes(secret))) {
    throw new TypeError('a ticket secret must not be the AppSecret: generate one of its own')
  }
  checkPolicy({ maxAgeSeconds })
}

import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { CloudGroupInfo } from '../cloud'
import { sendJson } from '../nodeHandler'
import { CLOUD_ID_EXPIRED, type GroupEnterSource } from '../types'
import { encryptOpenData, type EncryptedOpenData } from './encryptOpenData'
import { groupPayload, sourceOf, type FakeGroup } from './groupPayload'
import { closeServer, listen } from './listen'
import { requestPath } from './requestPath'

export interface FakeWeChatOptions {
  appId: string
  secret: string
  /**
   * Default true: every login gives the user a new session key, as a real
   * wx.login may. Data encrypted before a later login then no longer
   * decrypts, which makes the login-ordering bug show up in development.
   */
  rotateSessionKeyOnLogin?: boolean
  /** Delay before each /sns/jscode2session answer, to measure a client against a slow WeChat. Default 0. */
  code2SessionLatencyMs?: number
}

/** The body a client POSTs to the resolver endpoint, as the client kit's httpResolver sends it. */
export interface FakeClientRequest extends EncryptedOpenData {
  code: string
  source: GroupEnterSource
}

/** The warm request: the session id an earlier answer gave instead of a login code. */
export interface FakeSessionRequest extends EncryptedOpenData {
  session: string
  source: GroupEnterSource
}

export interface FakeWeChat {
  readonly appId: string
  /** How many /sns/jscode2session requests the fake has answered. */
  readonly exchanges: number
  /**
   * Every session key the fake has handed out (base64), oldest first, including
   * keys a later login replaced: a test can check that none of them leaks.
   */
  readonly issuedSessionKeys: readonly string[]
  /** wx.login for `user`: a code that works once. */
  login(user: string): string
  /** The user's current session key (base64), if they have one. */
  sessionKey(user: string): string | undefined
  /**
   * wx.checkSession for `user`: true when their current session key came from a
   * login (a key made for a user who never logged in is not one WeChat vouches for).
   */
  checkSession(user: string): boolean
  /** The user whose openid (for this appId) this is, if the fake has met them. */
  userOf(openid: string): string | undefined
  /**
   * getGroupEnterInfo / getShareInfo for `user`: the group encrypted with the
   * user's current session key. A user who never logged in gets a key first,
   * like a session left from an earlier launch.
   */
  encryptGroup(user: string, group: FakeGroup): EncryptedOpenData
  /**
   * What a client following the safe order sends: login, then encryptGroup
   * with the key of that login, then `{ code, encryptedData, iv, source }`.
   */
  clientRequest(user: string, group: FakeGroup): FakeClientRequest
  /** The warm path: no login, the group encrypted with the user's current key, sent with `session`. */
  sessionRequest(user: string, session: string, group: FakeGroup): FakeSessionRequest
  /** What a cloud function receives for this group's cloudID, or for an expired one. */
  openData(group: FakeGroup, options?: { expired?: boolean }): CloudGroupInfo
  /** Makes the next jscode2session answers fail with these errcodes, one per call, in order. */
  failNext(errcode: number): void
  /** Serves GET /sns/jscode2session like api.weixin.qq.com; anything else is 404. */
  handler(req: IncomingMessage, res: ServerResponse): void
  /** Serves `handler` alone on 127.0.0.1, on a free port. */
  listen(): Promise<{ url: string; close(): Promise<void> }>
}

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40226: 'high risk user',
  45011: 'api minute-quota reach limit mustslower retry next minute',
}

export function createFakeWeChat(options: FakeWeChatOptions): FakeWeChat {
  const { appId, secret, code2SessionLatencyMs = 0 } = options
  const rotate = options.rotateSessionKeyOnLogin ?? true
  const sessionKeys = new Map<string, string>()
  const loggedIn = new Set<string>()
  const users = new Map<string, string>()
  const issuedSessionKeys: string[] = []
  const codes = new Map<string, string>()
  const failures: number[] = []
  let exchanges = 0

  const newSessionKey = (user: string): string => {
    const key = randomBytes(16).toString('base64')
    sessionKeys.set(user, key)
    issuedSessionKeys.push(key)
    return key
  }
  const keyFor = (user: string): string => sessionKeys.get(user) ?? newSessionKey(user)

  const login = (user: string): string => {
    if (rotate || !sessionKeys.has(user)) newSessionKey(user)
    loggedIn.add(user)
    users.set(openidOf(appId, user), user)
    const code = randomBytes(24).toString('base64url')
    codes.set(code, user)
    return code
  }
  const encryptGroup = (user: string, group: FakeGroup): EncryptedOpenData =>
    encryptOpenData(keyFor(user), groupPayload(group, appId))

  const jscode2session = (query: URLSearchParams): Record<string, unknown> => {
    exchanges += 1
    const injected = failures.shift()
    if (injected !== undefined) return wechatError(injected)
    if (query.get('appid') !== appId) return wechatError(40013)
    if (query.get('secret') !== secret) return wechatError(40125)
    if (query.get('grant_type') !== 'authorization_code') return wechatError(40002)
    const code = query.get('js_code') ?? ''
    const user = codes.get(code)
    if (user === undefined) return wechatError(40029)
    codes.delete(code)
    return { openid: openidOf(appId, user), session_key: keyFor(user) }
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const pathname = requestPath(req)
    if (req.method !== 'GET' || pathname !== '/sns/jscode2session') {
      sendJson(res, { status: 404, json: { errcode: 404, errmsg: 'not found' } })
      return
    }
    const query = new URLSearchParams((req.url ?? '').slice(pathname.length + 1))
    const answer = () => sendJson(res, { status: 200, json: jscode2session(query) })
    if (code2SessionLatencyMs > 0) setTimeout(answer, code2SessionLatencyMs)
    else answer()
  }

  return {
    appId,
    get exchanges() {
      return exchanges
    },
    get issuedSessionKeys() {
      return [...issuedSessionKeys]
    },
    login,
    sessionKey: (user) => sessionKeys.get(user),
    checkSession: (user) => loggedIn.has(user),
    userOf: (openid) => users.get(openid),
    encryptGroup,
    clientRequest(user, group) {
      const code = login(user)
      return { code, ...encryptGroup(user, group), source: sourceOf(group) }
    },
    sessionRequest(user, session, group) {
      return { session, ...encryptGroup(user, group), source: sourceOf(group) }
    },
    openData(group, { expired = false } = {}) {
      const cloudID = randomBytes(24).toString('base64url')
      return expired
        ? { cloudID, errCode: CLOUD_ID_EXPIRED, errMsg: 'cloudID expired.' }
        : { cloudID, data: groupPayload(group, appId) }
    },
    failNext(errcode) {
      failures.push(errcode)
    },
    handler,
    async listen() {
      const server = createServer(handler)
      const { url } = await listen(server, 0, '127.0.0.1')
      return { url, close: () => closeServer(server) }
    },
  }
}

function wechatError(errcode: number): Record<string, unknown> {
  return { errcode, errmsg: `${ERRMSG[errcode] ?? 'error'}, rid: ${randomBytes(6).toString('hex')}` }
}

/** Stable per app and user, like a real openid, so logs stay readable across restarts. */
function openidOf(appId: string, user: string): string {
  return `o${createHash('sha256').update(`${appId}\n${user}`).digest('base64url').slice(0, 27)}`
}

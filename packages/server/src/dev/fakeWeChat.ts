import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { CloudGroupInfo } from '../cloud/resolveCloudGroupInfo'
import { sendJson } from '../http/nodeAnswer'
import { readNodeBody } from '../http/readNodeBody'
import { CLOUD_ID_EXPIRED, type GroupEnterSource } from '../shared/wire'
import { encryptOpenData, type EncryptedOpenData } from './encryptOpenData'
import { fakeAccessTokens } from './fakeAccessTokens'
import { fakeActivities, type FakeActivity } from './fakeActivities'
import { wechatError, type FakeAnswer } from './fakeAnswer'
import { groupOpenidOf, openidOf } from './fakeIds'
import { groupPayload, sourceOf, withMember, type FakeGroup } from './groupPayload'
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
  /** The fake's clock (ms since the epoch) for access token and activity_id expiry. Default Date.now. */
  now?: () => number
}

/** The WeChat APIs the fake serves, each on its one method. */
export type FakeWeChatPath =
  | '/sns/jscode2session'
  | '/cgi-bin/stable_token'
  | '/cgi-bin/message/wxopen/activityid/create'
  | '/cgi-bin/message/wxopen/chattoolmsg/send'

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
  /** How many /cgi-bin/stable_token requests the fake has answered, failed ones too. */
  readonly tokenIssuances: number
  /** Every access token the fake has handed out, oldest first: a test can check that none of them leaks. */
  readonly issuedAccessTokens: readonly string[]
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
  /** The user's group_openid in a chat (an opengid or open_single_roomid), as the chat tool's payload gives it. */
  groupOpenid(user: string, chat: string): string
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
  /**
   * Makes the next answers of `path` (default /sns/jscode2session) fail with
   * these errcodes, one per call, in order.
   */
  failNext(errcode: number, path?: FakeWeChatPath): void
  /**
   * Makes an access token stop working at once (API calls with it get 40001),
   * as another caller's force_refresh would; the next stable_token call gets a
   * new one.
   */
  revokeAccessToken(token: string): void
  /** The dynamic message behind an activity_id, as the calls so far left it. */
  activity(activityId: string): FakeActivity | undefined
  /** Serves the FakeWeChatPath APIs like api.weixin.qq.com; anything else is 404. */
  handler(req: IncomingMessage, res: ServerResponse): void
  /** Serves `handler` alone on 127.0.0.1, on a free port. */
  listen(): Promise<{ url: string; close(): Promise<void> }>
}

/** One WeChat API: its JSON answer to a request's query and JSON body (undefined when it has none). */
type FakeRoute = (query: URLSearchParams, body: unknown) => FakeAnswer

export function createFakeWeChat(options: FakeWeChatOptions): FakeWeChat {
  const { appId, secret, code2SessionLatencyMs = 0, now = Date.now } = options
  const rotate = options.rotateSessionKeyOnLogin ?? true
  const sessionKeys = new Map<string, string>()
  const loggedIn = new Set<string>()
  const users = new Map<string, string>()
  const issuedSessionKeys: string[] = []
  const codes = new Map<string, string>()
  const failures = new Map<string, number[]>()
  const answered = new Map<string, number>()
  const tokens = fakeAccessTokens({ appId, secret, now })
  const activities = fakeActivities(now)

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
  const groupOpenid = (user: string, chat: string) => groupOpenidOf(appId, user, chat)
  const encryptGroup = (user: string, group: FakeGroup): EncryptedOpenData =>
    encryptOpenData(
      keyFor(user),
      groupPayload(
        withMember(group, (chat) => groupOpenid(user, chat)),
        appId,
      ),
    )

  const jscode2session = (query: URLSearchParams): FakeAnswer => {
    if (query.get('appid') !== appId) return wechatError(40013)
    if (query.get('secret') !== secret) return wechatError(40125)
    if (query.get('grant_type') !== 'authorization_code') return wechatError(40002)
    const code = query.get('js_code') ?? ''
    const user = codes.get(code)
    if (user === undefined) return wechatError(40029)
    codes.delete(code)
    return { openid: openidOf(appId, user), session_key: keyFor(user) }
  }

  const routes = new Map<string, FakeRoute>([
    ['GET /sns/jscode2session', jscode2session],
    ['POST /cgi-bin/stable_token', (_query, body) => tokens.stableToken(body)],
    [
      'GET /cgi-bin/message/wxopen/activityid/create',
      (query) => tokens.authorized(query, () => activities.create(query)),
    ],
    [
      'POST /cgi-bin/message/wxopen/chattoolmsg/send',
      (query, body) => tokens.authorized(query, () => activities.send(body)),
    ],
  ])

  const answer = (pathname: string, route: FakeRoute, query: URLSearchParams, body: unknown): FakeAnswer => {
    answered.set(pathname, (answered.get(pathname) ?? 0) + 1)
    const injected = failures.get(pathname)?.shift()
    return injected === undefined ? route(query, body) : wechatError(injected)
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const pathname = requestPath(req)
    const route = routes.get(`${req.method} ${pathname}`)
    if (route === undefined) {
      sendJson(res, { status: 404, json: { errcode: 404, errmsg: 'not found' } })
      return
    }
    const query = new URLSearchParams((req.url ?? '').slice(pathname.length + 1))
    const latencyMs = pathname === '/sns/jscode2session' ? code2SessionLatencyMs : 0
    void jsonBody(req).then((body) => {
      const send = () => sendJson(res, { status: 200, json: answer(pathname, route, query, body) })
      if (latencyMs > 0) setTimeout(send, latencyMs)
      else send()
    })
  }

  return {
    appId,
    get exchanges() {
      return answered.get('/sns/jscode2session') ?? 0
    },
    get tokenIssuances() {
      return answered.get('/cgi-bin/stable_token') ?? 0
    },
    get issuedAccessTokens() {
      return tokens.issued
    },
    get issuedSessionKeys() {
      return [...issuedSessionKeys]
    },
    login,
    sessionKey: (user) => sessionKeys.get(user),
    checkSession: (user) => loggedIn.has(user),
    userOf: (openid) => users.get(openid),
    groupOpenid,
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
    failNext(errcode, path = '/sns/jscode2session') {
      failures.set(path, [...(failures.get(path) ?? []), errcode])
    },
    revokeAccessToken: (token) => tokens.revoke(token),
    activity: (activityId) => activities.get(activityId),
    handler,
    async listen() {
      const server = createServer(handler)
      const { url } = await listen(server, 0, '127.0.0.1')
      return { url, close: () => closeServer(server) }
    },
  }
}

/** A POST's JSON body; undefined for a GET, and for a body that is not JSON (the routes answer 47001). */
async function jsonBody(req: IncomingMessage): Promise<unknown> {
  if (req.method !== 'POST') return undefined
  try {
    const body = await readNodeBody(req)
    if (body.kind === 'parsed') return body.value
    return body.kind === 'text' ? JSON.parse(body.text) : undefined
  } catch {
    return undefined
  }
}

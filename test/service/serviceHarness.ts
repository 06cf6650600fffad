import { createFakeWeChat, type FakeWeChat } from '@opengid/server/dev'

/** What every service suite shares: one app, its fake WeChat, and requests as the client sends them. */
export const APP_ID = 'wx00000000000svc0s'
export const APP_SECRET = 'service-app-secret-0123456789'
export const TICKET_SECRET = 'service-ticket-secret-0123456789abcdef-0123'

export function fakeWeChat(options: { code2SessionLatencyMs?: number } = {}): FakeWeChat {
  return createFakeWeChat({ appId: APP_ID, secret: APP_SECRET, ...options })
}

/** The variables a user sets at the least, with the fake WeChat as the endpoint. */
export const requiredEnv = (
  wechatUrl: string,
  signing: Record<string, string> = { OPENGID_TICKET_SECRET: TICKET_SECRET },
) => ({
  OPENGID_APP_ID: APP_ID,
  OPENGID_APP_SECRET: APP_SECRET,
  OPENGID_WECHAT_ENDPOINT: wechatUrl,
  ...signing,
})

/** The parts of an answer the suites read: a group with its ticket and session, or an error. */
export interface ServiceAnswer {
  ticket: string
  session: string
  ticketExpiresAt: number
  error: { code: string; message: string }
  [field: string]: unknown
}

/** POSTs a JSON body to the service's resolver endpoint: status and parsed body. */
export async function post(url: string, body: unknown): Promise<{ status: number; json: ServiceAnswer }> {
  const response = await fetch(`${url}/api/opengid`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as ServiceAnswer }
}

export async function get(url: string, path: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${url}${path}`)
  return { status: response.status, text: await response.text(), headers: response.headers }
}

/**
 * Resolves once `GET /readyz` answers 200, as a load balancer waits before it sends
 * traffic: a process that listens may still be opening its store (on a busy machine,
 * for longer than a first request's store deadline).
 */
export const whenReady = (url: string, timeoutMs = 20_000): Promise<void> => until(url, '/readyz', 200, timeoutMs)

/** Polls GET `path` until it answers `status` (Redis going down or coming back); fails after `timeoutMs`. */
export async function until(url: string, path: string, status: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while ((await get(url, path)).status !== status) {
    if (Date.now() > deadline) throw new Error(`${url}${path} did not answer ${status} within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

let users = 0
/** A new user's first launch from a group card: a login code and the group data it encrypted. */
export const coldRequest = (fake: FakeWeChat, opengid = 'G-service') =>
  fake.clientRequest(`svc-user-${++users}`, { opengid, chatType: 3 })

import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { sendJson } from '../http/nodeAnswer'
import { nodeJsonPostHandler, type NodeHandler } from '../http/nodeHandler'
import type { FakeWeChat } from './fakeWeChat'
import { GROUP_API_PATH, type GroupRoute } from './groupRoute'
import { requestPath } from './requestPath'
import { readGroupEnterInfoBody, readUser } from './simulatorBodies'
import { serveStatic } from './staticFiles'

export interface DevRoutes {
  fake: FakeWeChat
  api: NodeHandler
  /** The room features by name: `/api/rooms/:roomId/:name` (or `/api/groups/:opengid/:name`). */
  features: ReadonlyMap<string, GroupRoute>
  staticRoot: string | undefined
  latencyMs: number
}

/**
 *   POST /api/opengid                     the real createNodeHandler
 *   GET  /api/rooms/:roomId/checkins      the room's check-ins, behind requireGroupTicket
 *   POST /api/rooms/:roomId/checkins      check in as the ticket's user
 *   GET  /api/rooms/:roomId/todos         the chat's to-do list, behind requireGroupTicket
 *   POST /api/rooms/:roomId/todos         { text }: add one as the ticket's member (group_openid)
 *        /api/groups/:opengid/...         the same, by the path from before rooms
 *   GET  /sns/jscode2session              the fake WeChat (the handler reaches it over loopback HTTP)
 *        /cgi-bin/...                      the fake WeChat's access token and chat tool message APIs
 *   POST /__wechat/login                  { user } → { code }
 *   POST /__wechat/check-session          { user } → { valid }
 *   POST /__wechat/group-enter-info       { user, opengid | openSingleRoomid, ... } → { encryptedData, iv }
 *   GET  anything else                    staticDir
 */
export function devRoutes({
  fake,
  api,
  features,
  staticRoot,
  latencyMs,
}: DevRoutes): (req: IncomingMessage, res: ServerResponse) => void {
  const login = nodeJsonPostHandler(async (body) => ({ code: fake.login(readUser(body)) }))
  const checkSession = nodeJsonPostHandler(async (body) => ({ valid: fake.checkSession(readUser(body)) }))
  const groupEnterInfo = nodeJsonPostHandler(async (body) => {
    const { user, group } = readGroupEnterInfoBody(body)
    return fake.encryptGroup(user, group)
  })
  const answerApi = async (req: IncomingMessage, res: ServerResponse) => {
    if (latencyMs > 0) await delay(latencyMs)
    await api(req, res)
  }

  return (req, res) => {
    const pathname = requestPath(req)
    switch (pathname) {
      case '/sns/jscode2session':
        return fake.handler(req, res)
      case '/api/opengid':
        return void answerApi(req, res)
      case '/__wechat/login':
        return void login(req, res)
      case '/__wechat/check-session':
        return void checkSession(req, res)
      case '/__wechat/group-enter-info':
        return void groupEnterInfo(req, res)
    }
    if (pathname.startsWith('/cgi-bin/')) return fake.handler(req, res)
    const group = GROUP_API_PATH.exec(pathname)
    const feature = group === null ? undefined : features.get(group[2])
    if (group !== null && feature !== undefined) return feature(req, res, group[1])
    if (staticRoot !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      return void serveStatic(staticRoot, req, res)
    }
    sendJson(res, { status: 404, json: { error: { code: 'NOT_FOUND', message: `nothing at ${pathname}` } } })
  }
}

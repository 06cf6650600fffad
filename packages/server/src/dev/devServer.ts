import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { createNodeHandler, nodeJsonPostHandler, sendJson, type NodeHandler } from '../nodeHandler'
import { createFakeWeChat, type FakeWeChat } from './fakeWeChat'
import { readFakeGroupRequest, readUser } from './fakeGroupRequest'
import { closeServer, listen } from './listen'
import { requestPath } from './requestPath'
import { serveStatic } from './staticFiles'

export interface DevServerOptions {
  /** Default 0: a free port, reported in the result. */
  port?: number
  /** Default '127.0.0.1'. */
  host?: string
  /** Default DEV_APP_ID. */
  appId?: string
  /** Default: random; only the dev server itself needs to know it. */
  secret?: string
  /** A built H5 app to serve (e.g. dist/h5). Without it only the API routes exist. */
  staticDir?: string
  /** Delay before each /api/opengid answer, to measure a client against a slow server. */
  latencyMs?: number
  /** Passed to the fake WeChat; default true. */
  rotateSessionKeyOnLogin?: boolean
}

export interface DevServer {
  url: string
  port: number
  /** The fake WeChat behind the routes: log users in, inject failures, inspect calls. */
  fake: FakeWeChat
  close(): Promise<void>
}

/** A made-up appId for development, shaped like a real one. */
export const DEV_APP_ID = 'wx00000000000dev00'

/**
 * One port for the H5 demo and everything it talks to:
 *   POST /api/opengid              the real createNodeHandler
 *   GET  /sns/jscode2session       the fake WeChat (the handler reaches it over loopback HTTP)
 *   POST /__wechat/login           { user } → { code }
 *   POST /__wechat/group-enter-info { user, opengid, ... } → { encryptedData, iv }
 *   GET  anything else             staticDir
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const secret = options.secret ?? randomBytes(16).toString('hex')
  const fake = createFakeWeChat({
    appId: options.appId ?? DEV_APP_ID,
    secret,
    rotateSessionKeyOnLogin: options.rotateSessionKeyOnLogin,
  })
  const server = createServer()
  const { url, port } = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1')
  // Attached only now because the API handler calls code2Session on this
  // server's own URL, which port 0 leaves unknown until listening.
  server.on(
    'request',
    devRoutes({
      fake,
      api: createNodeHandler({ appId: fake.appId, secret, endpoint: url }),
      staticRoot: options.staticDir === undefined ? undefined : path.resolve(options.staticDir),
      latencyMs: options.latencyMs ?? 0,
    }),
  )
  return { url, port, fake, close: () => closeServer(server) }
}

interface DevRoutes {
  fake: FakeWeChat
  api: NodeHandler
  staticRoot: string | undefined
  latencyMs: number
}

function devRoutes({
  fake,
  api,
  staticRoot,
  latencyMs,
}: DevRoutes): (req: IncomingMessage, res: ServerResponse) => void {
  const login = nodeJsonPostHandler(async (body) => ({ code: fake.login(readUser(body)) }))
  const groupEnterInfo = nodeJsonPostHandler(async (body) => {
    const { user, group } = readFakeGroupRequest(body)
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
      case '/__wechat/group-enter-info':
        return void groupEnterInfo(req, res)
    }
    if (staticRoot !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      return void serveStatic(staticRoot, req, res)
    }
    sendJson(res, { status: 404, json: { error: { code: 'NOT_FOUND', message: `nothing at ${pathname}` } } })
  }
}

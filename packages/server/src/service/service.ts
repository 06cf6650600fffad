import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { createGroupResolver } from '../resolver/createGroupResolver'
import type { ServiceConfig } from './config'
import { errorSummary, type ServiceLogs } from './log'
import { createMetrics } from './metrics'
import { resolveRoute } from './resolveRoute'
import { stopOnSignals } from './shutdown'
import { openStore } from './store'

/** What a route answers with: the outcome code for the request's log line, if it has one. */
type Route = (req: IncomingMessage, res: ServerResponse) => Promise<string | undefined> | string | undefined

/** A client's X-Request-Id is kept when it is a plain token; anything else gets a new one. */
const REQUEST_ID = /^[\w.:-]{1,64}$/

/** Opens the store, listens, and stops on SIGTERM / SIGINT. Resolves once it listens. */
export async function startService(config: ServiceConfig, { log, requests }: ServiceLogs): Promise<Server> {
  const store = await openStore(config.redis, log)
  const metrics = createMetrics()
  const report = (error: unknown) => log.error({ err: errorSummary(error) }, 'internal error')
  const { appId, secret, ticketKey, ticketSecret, endpoint, ticketTtlSeconds } = config
  const signing = ticketKey === undefined ? { ticketSecret: ticketSecret! } : { ticketKey }
  const resolve = createGroupResolver({
    appId,
    secret,
    ...signing,
    sessions: metrics.sessions(store.sessions),
    endpoint,
    ticketTtlSeconds,
    // Only code2Session goes through it (the resolver calls nothing else of WeChat).
    fetch: metrics.fetch,
  })
  const jwksBody = JSON.stringify({ keys: config.jwks })
  let draining = () => false

  const routes: Record<string, Route> = {
    '/api/opengid': resolveRoute(metrics.resolver(resolve), { report, limits: config.bodyLimits }),
    '/healthz': (req, res) => json(req, res, 200, { status: 'ok' }),
    '/readyz': async (req, res) => {
      const ready = !draining() && (await store.ready())
      return json(req, res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' })
    },
    // Verifiers cache it; a rotation lists the new key before it signs (OPENGID_TICKET_OLD_KEYS).
    '/metrics': async (req, res) => {
      const body = await metrics.registry.metrics()
      res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' })
      res.end(req.method === 'HEAD' ? undefined : body)
      return undefined
    },
    '/.well-known/jwks.json': (req, res) => json(req, res, 200, jwksBody, { 'Cache-Control': 'public, max-age=300' }),
  }

  const server = createServer(async (req, res) => {
    const started = process.hrtime.bigint()
    const given = req.headers['x-request-id']
    // Not String(given): without the header that is "undefined", which passes the test.
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    res.setHeader('X-Request-Id', id)
    if (draining()) {
      // A keep-alive connection closes after this answer, not at the deadline.
      res.setHeader('Connection', 'close')
      res.on('finish', () => server.closeIdleConnections())
    }
    const path = (req.url ?? '/').split('?')[0]
    const route = Object.prototype.hasOwnProperty.call(routes, path) ? path : undefined
    let code: string | undefined
    try {
      code = route === undefined ? json(req, res, 404, notFound) : await routes[route](req, res)
    } catch (error) {
      report(error)
      code = res.headersSent
        ? 'INTERNAL'
        : json(req, res, 500, { error: { code: 'INTERNAL', message: 'internal server error' } })
    }
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6
    metrics.request(route ?? 'unknown', durationMs / 1000, route === '/api/opengid' ? code : undefined)
    requests.info(
      { reqId: id, method: req.method, route: route ?? 'unknown', status: res.statusCode, code, durationMs },
      'request',
    )
  })
  draining = stopOnSignals(server, { timeoutMs: config.shutdownTimeoutMs, close: store.close, log }).draining
  server.listen(config.port, config.host)
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject))
  const { address, port } = server.address() as AddressInfo
  log.info({ address, port }, 'listening')
  return server
}

const notFound = { error: { code: 'NOT_FOUND', message: 'no such endpoint: POST /api/opengid' } }

/** Writes a JSON answer (HEAD gets the headers only); an error body's code is returned for the log. */
function json(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = { 'Cache-Control': 'no-store' },
): string | undefined {
  const body = typeof value === 'string' ? value : JSON.stringify(value)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
  res.end(req.method === 'HEAD' ? undefined : body)
  const error = typeof value === 'object' && value !== null ? (value as { error?: { code?: string } }).error : undefined
  return error?.code
}

import type { IncomingMessage, ServerResponse } from 'node:http'
import { createNodeHandler } from '@opengid/server'
import { groupAnswer } from '../support/answers'
import { CREDENTIALS, clientBody, servedFake } from '../support/fixtures'
import { expectCutOffAfter, postJson, send } from '../support/http'
import { serve, type Served } from '../support/serve'

// How the node handler gets its body: read within bodyTimeoutMs, or taken as a body parser left it.

const wechat = servedFake()
const { fake } = wechat

describe('bodyTimeoutMs', () => {
  let api: Served
  beforeAll(async () => {
    api = await serve(createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url, bodyTimeoutMs: 300 }))
  })
  afterAll(() => api.close())

  test('a body that stops arriving gets 408 REQUEST_TIMEOUT after bodyTimeoutMs, and the socket is closed', async () => {
    await expectCutOffAfter(api.url, 300)
  })

  test('a body that arrives in time is not affected by the timer', async () => {
    expect((await postJson(api.url, clientBody(fake, { opengid: 'G-in-time' }))).json.opengid).toBe('G-in-time')
  })
})

type Req = IncomingMessage & { body?: unknown }
type Next = (error?: unknown) => void
type Middleware = (req: Req, res: ServerResponse, next: Next) => void

/** Connect/Express's calling convention, without Express. */
function chain(...middlewares: Middleware[]) {
  return (req: Req, res: ServerResponse) => {
    let index = 0
    const next: Next = (error) => {
      const middleware = middlewares[index++]
      if (error !== undefined || middleware === undefined) {
        res.statusCode = error === undefined ? 404 : 500
        res.end('fell through the chain')
        return
      }
      middleware(req, res, next)
    }
    next()
  }
}

/** Reads the whole stream and stores it in req.body, as body parsers do; `as` picks the form. */
function bodyParser(as: 'json' | 'text' | 'raw'): Middleware {
  return (req, _res, next) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      req.body = as === 'raw' ? raw : as === 'text' ? raw.toString('utf8') : JSON.parse(raw.toString('utf8'))
      next()
    })
  }
}

function route(path: string, handler: Middleware): Middleware {
  return (req, res, next) => (req.url === path ? handler(req, res, next) : next())
}

async function withApp<T>(app: ReturnType<typeof chain>, run: (url: string) => Promise<T>): Promise<T> {
  const served = await serve(app)
  try {
    return await run(served.url)
  } finally {
    await served.close()
  }
}

describe('createNodeHandler as Express-style middleware', () => {
  let handler: ReturnType<typeof createNodeHandler>
  beforeAll(() => {
    handler = createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url })
  })

  test.each(['json', 'text', 'raw'] as const)('uses a body a %s parser already read into req.body', async (as) => {
    const app = chain(bodyParser(as), route('/api/opengid', handler))
    await withApp(app, async (url) => {
      const answer = await postJson(`${url}/api/opengid`, clientBody(fake, { opengid: `G-${as}`, chatType: 4 }))
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual(groupAnswer({ opengid: `G-${as}`, chatType: 4 }))
    })
  })

  test('reads the stream itself when no parser ran, and ends the request without calling next', async () => {
    const next = jest.fn()
    const asMiddleware: Middleware = handler
    const app = chain(route('/api/opengid', (req, res) => asMiddleware(req, res, next)))
    await withApp(app, async (url) => {
      const answer = await postJson(`${url}/api/opengid`, clientBody(fake, { opengid: 'G-plain' }))
      expect(answer.json).toEqual(groupAnswer({ opengid: 'G-plain', chatType: 3 }))
      expect((await postJson(`${url}/api/opengid`, { code: 'x' })).status).toBe(400)
      expect((await send(`${url}/other`, { method: 'GET' })).status).toBe(404)
    })
    expect(next).not.toHaveBeenCalled()
  })

  test('a pre-parsed body still gets the same typed errors', async () => {
    const app = chain(bodyParser('json'), route('/api/opengid', handler))
    await withApp(app, async (url) => {
      const answer = await postJson(`${url}/api/opengid`, { ...clientBody(fake, { opengid: '' }) })
      expect(answer.status).toBe(400)
      expect(answer.json.error?.code).toBe('DECRYPT')
    })
  })
})

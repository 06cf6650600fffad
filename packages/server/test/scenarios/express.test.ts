import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express'
import express5 from 'express'
import express4 from 'express4'
import { bodyParserErrorHandler, createNodeHandler, MAX_BODY_BYTES } from '@opengid/server'
import { groupAnswer } from '../support/answers'
import { CREDENTIALS, clientBody, servedFake } from '../support/fixtures'
import { postJson, postJsonChunked, send } from '../support/http'
import { serve } from '../support/serve'

const wechat = servedFake()
const { fake } = wechat

type Middleware = (req: Request, res: Response, next: NextFunction) => void

// An async step (auth, a session store) by which time the whole body has arrived, still unread.
const asyncStep: Middleware = (_req, _res, next) => void setTimeout(next, 20)

/** Over the handler's cap, under express.json()'s 100 KB: the parser alone would let it through. */
const oversized = () => ({ ...clientBody(fake, { opengid: 'G-big' }), padding: 'x'.repeat(20 * 1024) })

/** Serves `build(app, handler)` on loopback for one `run`, then closes it. */
async function withApp<T>(
  express: typeof express5,
  build: (app: Express, handler: RequestHandler) => void,
  run: (url: string) => Promise<T>,
): Promise<T> {
  const app = express()
  build(app, createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url }) as RequestHandler)
  const served = await serve(app)
  try {
    return await run(`${served.url}/api/opengid`)
  } finally {
    await served.close()
  }
}

describe.each([
  ['Express 5', express5],
  ['Express 4', express4],
])('createNodeHandler in %s', (_name, express) => {
  describe('mounted before express.json(): it reads its own body', () => {
    const build = (app: Express, handler: RequestHandler) => {
      app.post('/api/opengid', handler)
      app.use(express.json())
      app.post('/other', (req, res) => void res.json({ parsed: req.body }))
    }

    test('a client body resolves, and later routes still get the parser', async () => {
      await withApp(express, build, async (url) => {
        expect((await postJson(url, clientBody(fake, { opengid: 'G-first' }))).json).toEqual(
          groupAnswer({
            opengid: 'G-first',
            chatType: 3,
          }),
        )
        expect((await postJson(url.replace('/api/opengid', '/other'), { a: 1 })).text).toBe('{"parsed":{"a":1}}')
      })
    })

    test('bad JSON and a body over 16 KiB get typed JSON errors', async () => {
      await withApp(express, build, async (url) => {
        const bad = await send(url, { body: '{"code":' })
        expect(bad.status).toBe(400)
        expect(bad.json).toEqual({ error: { code: 'BAD_INPUT', message: expect.any(String) } })
        const big = await postJson(url, oversized())
        expect(big.status).toBe(413)
        expect(big.json.error?.code).toBe('PAYLOAD_TOO_LARGE')
      })
    })
  })

  describe('behind express.json(), with bodyParserErrorHandler on its path', () => {
    const behind =
      (parser: RequestHandler = express.json()) =>
      (app: Express, handler: RequestHandler) => {
        app.use(parser)
        app.post('/api/opengid', handler)
        app.use('/api/opengid', bodyParserErrorHandler as ErrorRequestHandler)
      }

    test('uses the body the parser read', async () => {
      await withApp(express, behind(), async (url) => {
        const answer = await postJson(url, clientBody(fake, { opengid: 'G-express-json' }))
        expect(answer.status).toBe(200)
        expect(answer.json).toEqual(groupAnswer({ opengid: 'G-express-json', chatType: 3 }))
      })
    })

    test('keeps the 16 KiB cap on a body the parser already read, with or without a Content-Length', async () => {
      await withApp(express, behind(), async (url) => {
        const sized = await postJson(url, oversized())
        expect(sized.status).toBe(413)
        expect(sized.json.error?.code).toBe('PAYLOAD_TOO_LARGE')
        const chunked = await postJsonChunked(url, oversized())
        expect(chunked.status).toBe(413)
        expect(chunked.json.error?.code).toBe('PAYLOAD_TOO_LARGE')
        // Just under the cap still passes, so the check measures the body, not the parser.
        const body = clientBody(fake, { opengid: 'G-near-cap' })
        const near = { ...body, padding: 'x'.repeat(MAX_BODY_BYTES - JSON.stringify(body).length - 20) }
        expect((await postJsonChunked(url, near)).json).toEqual(groupAnswer({ opengid: 'G-near-cap', chatType: 3 }))
      })
    })

    test("answers the parser's own failures as typed JSON, not Express's HTML", async () => {
      await withApp(express, behind(express.json({ limit: 100 })), async (url) => {
        const bad = await send(url, { body: '{"code":' })
        expect(bad.status).toBe(400)
        expect(bad.headers.get('content-type')).toBe('application/json; charset=utf-8')
        expect(bad.json).toEqual({ error: { code: 'BAD_INPUT', message: 'the body is not valid JSON' } })
        const overLimit = await postJson(url, clientBody(fake, { opengid: 'G-over-parser-limit' }))
        expect(overLimit.status).toBe(413)
        expect(overLimit.json.error?.code).toBe('PAYLOAD_TOO_LARGE')
        const encoded = await send(url, { body: '{}', headers: { 'content-encoding': 'x-unknown' } })
        expect(encoded.status).toBe(415)
        expect(encoded.json.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE')
      })
    })

    test('passes every other error on to the next error handler', async () => {
      const seen: unknown[] = []
      const last: ErrorRequestHandler = (error, _req, res, _next) => {
        seen.push(error)
        res.status(500).end()
      }
      const build = (app: Express, handler: RequestHandler) => {
        app.use(express.json())
        // A step of the route itself that fails, such as an auth check.
        const refuse: Middleware = (_req, _res, next) => next(new Error('not a parser error'))
        app.post('/api/opengid', refuse, handler)
        app.use('/api/opengid', bodyParserErrorHandler as ErrorRequestHandler)
        app.use(last)
      }
      await withApp(express, build, async (url) => {
        expect((await postJson(url, clientBody(fake, { opengid: 'G' }))).status).toBe(500)
      })
      expect(seen).toEqual([new Error('not a parser error')])
    })
  })

  test.each([
    ['express.urlencoded()', () => [express.urlencoded({ extended: false })]],
    ['express.urlencoded() then an async step', () => [express.urlencoded({ extended: false }), asyncStep]],
    ['express.json() for another type', () => [express.json({ type: 'application/vnd.api+json' })]],
  ])('reads the stream itself when %s skipped the body', async (_parser, middlewares) => {
    const build = (app: Express, handler: RequestHandler) => {
      app.use(...(middlewares() as RequestHandler[]))
      app.post('/api/opengid', handler)
    }
    await withApp(express, build, async (url) => {
      const answer = await postJson(url, clientBody(fake, { opengid: 'G-express-skipped' }))
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual(groupAnswer({ opengid: 'G-express-skipped', chatType: 3 }))
    })
  })
})

import Router from '@koa/router'
import { bodyParser } from '@koa/bodyparser'
import Koa from 'koa'
import { createNodeHandler } from '@opengid/server'
import { groupAnswer } from '../support/answers'
import { CREDENTIALS, clientBody, servedFake } from '../support/fixtures'
import { postJson, send } from '../support/http'
import { serve } from '../support/serve'

const wechat = servedFake()
const { fake } = wechat

/** Serves a Koa app whose /api/opengid route runs the handler, before or after @koa/bodyparser. */
async function withKoa<T>(parserFirst: boolean, run: (url: string) => Promise<T>): Promise<T> {
  const opengid = createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url })
  const router = new Router()
  router.post('/api/opengid', async (ctx) => {
    ctx.respond = false
    // The docs' hand-over for a parser that ran first (Your server, Koa).
    if (parserFirst) Object.assign(ctx.req, { body: ctx.request.body })
    await opengid(ctx.req, ctx.res)
  })
  const app = new Koa()
  app.silent = true // Koa would log the parser's refusal of bad JSON, which one test provokes
  if (parserFirst) app.use(bodyParser())
  app.use(router.routes())
  if (!parserFirst) app.use(bodyParser())
  const served = await serve(app.callback())
  try {
    return await run(`${served.url}/api/opengid`)
  } finally {
    await served.close()
  }
}

const oversized = () => ({ ...clientBody(fake, { opengid: 'G-big' }), padding: 'x'.repeat(20 * 1024) })

describe('createNodeHandler in Koa with @koa/bodyparser', () => {
  test('routed before the parser: it reads its own body, typed errors for bad JSON and size', async () => {
    await withKoa(false, async (url) => {
      expect((await postJson(url, clientBody(fake, { opengid: 'G-koa-first' }))).json).toEqual(
        groupAnswer({
          opengid: 'G-koa-first',
          chatType: 3,
        }),
      )
      expect((await send(url, { body: '{"code":' })).json.error?.code).toBe('BAD_INPUT')
      expect((await postJson(url, oversized())).json.error?.code).toBe('PAYLOAD_TOO_LARGE')
    })
  })

  test('after the parser, with the body handed over: resolves and keeps the 16 KiB cap', async () => {
    await withKoa(true, async (url) => {
      expect((await postJson(url, clientBody(fake, { opengid: 'G-koa-parsed' }))).json).toEqual(
        groupAnswer({
          opengid: 'G-koa-parsed',
          chatType: 3,
        }),
      )
      const big = await postJson(url, oversized())
      expect(big.status).toBe(413)
      expect(big.json.error?.code).toBe('PAYLOAD_TOO_LARGE')
    })
  })

  test("after the parser, bad JSON is Koa's own answer, as the docs warn", async () => {
    await withKoa(true, async (url) => {
      const bad = await send(url, { body: '{"code":' })
      expect(bad.status).toBe(400)
      expect(bad.json.error).toBeUndefined()
    })
  })
})

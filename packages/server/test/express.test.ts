import type { NextFunction, Request, Response } from 'express'
import express from 'express'
import { createNodeHandler } from '@opengid/server'
import { APP_ID, SECRET, clientBody, servedFake } from './support/fixtures'
import { postJson } from './support/http'
import { serve } from './support/serve'

const wechat = servedFake()
const { fake } = wechat

type Middleware = (req: Request, res: Response, next: NextFunction) => void

// An async step (auth, a session store) by which time the whole body has arrived, still unread.
const asyncStep: Middleware = (_req, _res, next) => void setTimeout(next, 20)

/** Posts a client's body to an Express 4 app that mounts `middlewares` before the handler. */
async function postThrough(middlewares: Middleware[], opengid: string) {
  const app = express()
  app.use(...middlewares)
  app.post('/api/opengid', createNodeHandler({ appId: APP_ID, secret: SECRET, endpoint: wechat.url }))
  const served = await serve(app)
  try {
    return await postJson(`${served.url}/api/opengid`, clientBody(fake, { opengid }))
  } finally {
    await served.close()
  }
}

describe('createNodeHandler behind Express 4 body parsers', () => {
  test('uses the body express.json() parsed', async () => {
    const answer = await postThrough([express.json()], 'G-express-json')
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({ opengid: 'G-express-json', chatType: 3 })
  })

  test.each([
    ['express.urlencoded()', [express.urlencoded({ extended: false })]],
    ['express.urlencoded() then an async step', [express.urlencoded({ extended: false }), asyncStep]],
    ['express.json() for another type', [express.json({ type: 'application/vnd.api+json' })]],
  ])('reads the stream itself when %s skipped the body and left req.body = {}', async (_name, middlewares) => {
    const answer = await postThrough(middlewares, 'G-express-skipped')
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({ opengid: 'G-express-skipped', chatType: 3 })
  })
})

import { createNodeHandler } from '@opengid/server'
import { groupAnswer } from '../support/answers'
import { CREDENTIALS, clientBody, secretsOf, servedFake } from '../support/fixtures'
import { abandonPost, postChunked, postJson, send } from '../support/http'
import { MAX_AGE_SECONDS, requestCases } from '../support/requestCases'
import { serve, type Served } from '../support/serve'

const wechat = servedFake()
const { fake } = wechat
let api: Served

beforeAll(async () => {
  api = await serve(createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url, maxAgeSeconds: MAX_AGE_SECONDS }))
})
afterAll(() => api.close())

describe('createNodeHandler over HTTP', () => {
  test.each(requestCases)('$name → $status', async (requestCase) => {
    const answer = await send(api.url, requestCase.request(fake))

    expect(answer.status).toBe(requestCase.status)
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(answer.headers.get('cache-control')).toBe('no-store')
    if (requestCase.group) {
      expect(answer.json).toEqual(groupAnswer(requestCase.group))
    } else {
      expect(answer.json).toEqual({ error: { code: requestCase.code, message: expect.any(String) } })
    }
    for (const secret of secretsOf(fake)) expect(answer.text).not.toContain(secret)
  })

  test('a 405 names the allowed method', async () => {
    const answer = await send(api.url, { method: 'PUT', body: '{}' })
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe('POST')
  })

  test('a login code works once', async () => {
    const body = clientBody(fake, { opengid: 'G-once' })
    expect((await postJson(api.url, body)).json).toEqual(groupAnswer({ opengid: 'G-once', chatType: 3 }))
    const again = await postJson(api.url, body)
    expect(again.status).toBe(401)
    expect(again.json.error?.code).toBe('INVALID_CODE')
  })

  test('malformed data is refused before the code is spent on WeChat', async () => {
    const before = fake.exchanges
    const answer = await postJson(api.url, { ...clientBody(fake, { opengid: 'G' }), iv: 'short' })
    expect(answer.status).toBe(400)
    expect(fake.exchanges).toBe(before)
  })

  test('a chunked body over 16 KiB is cut off with 413 and the connection closed', async () => {
    expect(await postChunked(api.url, 1024 * 1024)).toEqual({ status: 413, connection: 'close' })
  })

  test('maxBodyBytes moves the cap both ways; the 413 names it', async () => {
    const padded = (opengid: string, bytes: number) => ({
      ...clientBody(fake, { opengid }),
      padding: 'x'.repeat(bytes),
    })
    const roomy = await serve(createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url, maxBodyBytes: 64 * 1024 }))
    const tight = await serve(createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url, maxBodyBytes: 4096 }))
    try {
      // Over the default 16 KiB, under this handler's 64 KiB: read and resolved.
      expect((await postJson(roomy.url, padded('G-roomy', 20_000))).json.opengid).toBe('G-roomy')
      const over = await postJson(roomy.url, padded('G-over', 70_000))
      expect(over.status).toBe(413)
      expect(over.json.error?.message).toBe('the body is larger than 65536 bytes')
      const small = await postJson(tight.url, padded('G-tight', 5000))
      expect(small.json.error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'the body is larger than 4096 bytes' })
      expect(await postChunked(tight.url, 8192)).toEqual({ status: 413, connection: 'close' })
    } finally {
      await Promise.all([roomy.close(), tight.close()])
    }
  })

  test('a wrong secret is a server misconfiguration: 502 WECHAT_ERROR, secret not echoed', async () => {
    const misconfigured = await serve(
      createNodeHandler({ ...CREDENTIALS, secret: 'wrong-secret-value', endpoint: wechat.url }),
    )
    try {
      const answer = await postJson(misconfigured.url, clientBody(fake, { opengid: 'G' }))
      expect(answer.status).toBe(502)
      expect(answer.json.error?.code).toBe('WECHAT_ERROR')
      expect(answer.json.error?.message).toContain('40125')
      // The client's GroupEnterError gets it as errCode (wire.ts ErrorBody).
      expect(answer.json.error?.errCode).toBe(40125)
      expect(answer.text).not.toContain('wrong-secret-value')
    } finally {
      await misconfigured.close()
    }
  })

  test('an unreachable WeChat is 503 WECHAT_UNAVAILABLE', async () => {
    const gone = await serve((_req, res) => res.end())
    await gone.close()
    const stranded = await serve(createNodeHandler({ ...CREDENTIALS, endpoint: gone.url }))
    try {
      const answer = await postJson(stranded.url, clientBody(fake, { opengid: 'G' }))
      expect(answer.status).toBe(503)
      expect(answer.json.error?.code).toBe('WECHAT_UNAVAILABLE')
      for (const secret of secretsOf(fake)) expect(answer.text).not.toContain(secret)
    } finally {
      await stranded.close()
    }
  })

  test('a client gone before its body is read: the handler settles without answering; the server answers the next', async () => {
    const handler = createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url })
    let arrive!: () => void
    const arrived = new Promise<void>((resolve) => (arrive = resolve))
    let settle!: (answered: Promise<boolean>) => void
    const settled = new Promise<boolean>((resolve) => (settle = resolve))
    const app = await serve((req, res) => {
      if (req.url !== '/gone') return void handler(req, res)
      arrive()
      // An async step before the handler (auth, a queue, latencyMs) that outlasts the client.
      req.once('close', () => settle(handler(req, res).then(() => res.headersSent)))
    })
    try {
      await abandonPost(`${app.url}/gone`, arrived)
      expect(await within(2000, settled)).toBe(false)
      const answer = await postJson(`${app.url}/next`, clientBody(fake, { opengid: 'G-after' }))
      expect(answer.json).toEqual(groupAnswer({ opengid: 'G-after', chatType: 3 }))
    } finally {
      await app.close()
    }
  })

  test('refuses a configuration without a secret at creation', () => {
    expect(() => createNodeHandler({ ...CREDENTIALS, secret: '' })).toThrow(TypeError)
  })

  test('a maxBodyBytes that is not a whole number > 0 is a TypeError naming it', () => {
    for (const maxBodyBytes of [0, -1, 1.5, Number.NaN, Infinity, '16384']) {
      expect(() => createNodeHandler({ ...CREDENTIALS, maxBodyBytes: maxBodyBytes as number })).toThrow(
        'maxBodyBytes must be a whole number of bytes > 0',
      )
    }
  })

  test('a bodyTimeoutMs that is not a positive finite number is a TypeError (the default, 10 s, is one)', () => {
    expect(() => createNodeHandler({ ...CREDENTIALS })).not.toThrow()
    for (const bodyTimeoutMs of [0, -1, Number.NaN, Infinity]) {
      expect(() => createNodeHandler({ ...CREDENTIALS, bodyTimeoutMs })).toThrow(TypeError)
    }
  })
})

/** `promise`, or a failure naming the hang once `ms` have passed. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, hang])
  } finally {
    clearTimeout(timer)
  }
}

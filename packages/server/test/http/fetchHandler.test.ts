import { getRequestListener } from '@hono/node-server'
import { createFetchHandler } from '@opengid/server'
import { groupAnswer } from '../support/answers'
import { CREDENTIALS, clientBody, secretsOf, servedFake } from '../support/fixtures'
import { expectCutOffAfter, postJson, type RawRequest } from '../support/http'
import { MAX_AGE_SECONDS, requestCases } from '../support/requestCases'
import { serve, type Served } from '../support/serve'

const wechat = servedFake()
const { fake } = wechat
let handle: (request: Request) => Promise<Response>

beforeAll(() => {
  handle = createFetchHandler({ ...CREDENTIALS, endpoint: wechat.url, maxAgeSeconds: MAX_AGE_SECONDS })
})

function toRequest(raw: RawRequest): Request {
  const headers = new Headers()
  const contentType = raw.contentType === undefined ? 'application/json' : raw.contentType
  if (contentType !== null) headers.set('content-type', contentType)
  return new Request('http://127.0.0.1/api/opengid', { method: raw.method ?? 'POST', headers, body: raw.body })
}

describe('createFetchHandler', () => {
  test.each(requestCases)('$name → $status', async (requestCase) => {
    const response = await handle(toRequest(requestCase.request(fake)))
    const text = await response.text()

    expect(response.status).toBe(requestCase.status)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(JSON.parse(text)).toEqual(
      requestCase.group
        ? groupAnswer(requestCase.group)
        : { error: { code: requestCase.code, message: expect.any(String) } },
    )
    for (const secret of secretsOf(fake)) expect(text).not.toContain(secret)
  })

  test('a 405 names the allowed method', async () => {
    const response = await handle(new Request('http://127.0.0.1/', { method: 'DELETE' }))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
  })

  test('a streamed body is cut off at 16 KiB: the stream is cancelled, not drained', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1
        controller.enqueue(new Uint8Array(1024).fill(0x61))
      },
    })
    const response = await handle(
      new Request('http://127.0.0.1/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: endless,
        duplex: 'half',
      } as RequestInit),
    )
    expect(response.status).toBe(413)
    expect(pulled).toBeLessThan(40)
  })

  test('a declared Content-Length over 16 KiB is refused without reading', async () => {
    const response = await handle(
      new Request('http://127.0.0.1/', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(1 << 20) },
        body: '{}',
      }),
    )
    expect(response.status).toBe(413)
  })

  test('a login code works once', async () => {
    const body = JSON.stringify(clientBody(fake, { opengid: 'G-once', source: 'getShareInfo' }))
    expect(await (await handle(toRequest({ body }))).json()).toEqual(groupAnswer({ opengid: 'G-once' }))
    const again = await handle(toRequest({ body }))
    expect(again.status).toBe(401)
    expect((await again.json()).error.code).toBe('INVALID_CODE')
  })
})

// Served as a fetch runtime on Node serves it, by @hono/node-server: a slow body must not
// hold the socket until Node's own requestTimeout (300 s), as it did before issue 19.
describe('bodyTimeoutMs, through @hono/node-server', () => {
  let api: Served
  beforeAll(async () => {
    const handler = createFetchHandler({ ...CREDENTIALS, endpoint: wechat.url, bodyTimeoutMs: 300 })
    api = await serve(getRequestListener(handler))
  })
  afterAll(() => api.close())

  test('a body that stops arriving gets 408 REQUEST_TIMEOUT after bodyTimeoutMs, and the socket is closed', async () => {
    await expectCutOffAfter(api.url, 300)
  })

  test('a body that arrives in time is not affected by the timer', async () => {
    expect((await postJson(api.url, clientBody(fake, { opengid: 'G-in-time' }))).json.opengid).toBe('G-in-time')
  })
})

test("maxBodyBytes: a body over the handler's own cap is cut off with 413 naming it, one under it is read", async () => {
  const handle = createFetchHandler({ ...CREDENTIALS, endpoint: wechat.url, maxBodyBytes: 32 * 1024 })
  const padded = (opengid: string, bytes: number) =>
    JSON.stringify({ ...clientBody(fake, { opengid, source: 'getShareInfo' }), padding: 'x'.repeat(bytes) })
  const read = await handle(toRequest({ body: padded('G-roomy', 20_000) }))
  expect((await read.json()).opengid).toBe('G-roomy')
  const over = await handle(toRequest({ body: padded('G-over', 40_000) }))
  expect(over.status).toBe(413)
  expect((await over.json()).error.message).toBe('the body is larger than 32768 bytes')
  expect(() => createFetchHandler({ ...CREDENTIALS, maxBodyBytes: 0 })).toThrow(TypeError)
})

test('a bodyTimeoutMs that is not a positive finite number is a TypeError', () => {
  for (const bodyTimeoutMs of [0, -1, Number.NaN, Infinity]) {
    expect(() => createFetchHandler({ ...CREDENTIALS, bodyTimeoutMs })).toThrow(TypeError)
  }
})

import { connect } from 'node:net'
import { createNodeHandler } from '@opengid/server'
import { CREDENTIALS, clientBody, servedFake } from './support/fixtures'
import { postJson } from './support/http'
import { serve, type Served } from './support/serve'

const wechat = servedFake()
const { fake } = wechat
let api: Served

beforeAll(async () => {
  api = await serve(createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url, bodyTimeoutMs: 300 }))
})
afterAll(() => api.close())

/**
 * Sends the headers and the start of a body, then nothing more (a slowloris
 * client): what arrives on the socket, and when the server closed it.
 */
function trickle(url: string): Promise<{ raw: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const started = Date.now()
    let raw = ''
    const socket = connect(Number(port), hostname, () => {
      socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{"co')
    })
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (raw += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve({ raw, closedAfterMs: Date.now() - started }))
    // If the server never frees the socket, the test fails on its own timeout rather than hanging on.
    socket.setTimeout(5000, () => socket.destroy())
  })
}

test('a body that stops arriving gets 408 REQUEST_TIMEOUT after bodyTimeoutMs, and the socket is closed', async () => {
  const { raw, closedAfterMs } = await trickle(api.url)
  const [head, body] = raw.split('\r\n\r\n')
  expect(head).toMatch(/^HTTP\/1\.1 408 /)
  expect(head).toMatch(/\r\nConnection: close\r\n/i)
  expect(JSON.parse(body)).toEqual({ error: { code: 'REQUEST_TIMEOUT', message: expect.stringContaining('300 ms') } })
  expect(closedAfterMs).toBeGreaterThanOrEqual(290)
  expect(closedAfterMs).toBeLessThan(3000)
})

test('a body that arrives in time is not affected by the timer', async () => {
  expect((await postJson(api.url, clientBody(fake, { opengid: 'G-in-time' }))).json.opengid).toBe('G-in-time')
})

test('a bodyTimeoutMs that is not a positive finite number is a TypeError (the default, 10 s, is one)', () => {
  expect(() => createNodeHandler({ ...CREDENTIALS })).not.toThrow()
  for (const bodyTimeoutMs of [0, -1, Number.NaN, Infinity]) {
    expect(() => createNodeHandler({ ...CREDENTIALS, bodyTimeoutMs })).toThrow(TypeError)
  }
})

import { request } from 'node:http'
import { connect } from 'node:net'

export interface Answer {
  status: number
  headers: Headers
  text: string
  json: AnswerJson
}

/** The fields tests read from any answer of the handlers or the dev server. */
export interface AnswerJson {
  roomId?: string
  roomType?: string
  opengid?: string
  chatType?: number
  groupOpenid?: string
  openSingleRoomid?: string
  ticket?: string
  ticketExpiresAt?: number
  session?: string
  error?: { code: string; message: string; errCode?: number }
  code?: string
  encryptedData?: string
  iv?: string
}

export interface RawRequest {
  method?: string
  /** null: send no Content-Type. Default application/json. */
  contentType?: string | null
  body?: string
  headers?: Record<string, string>
}

export async function send(url: string, raw: RawRequest = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...raw.headers }
  const contentType = raw.contentType === undefined ? 'application/json' : raw.contentType
  if (contentType !== null) headers['content-type'] = contentType
  const response = await fetch(url, { method: raw.method ?? 'POST', headers, body: raw.body })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: parse(text) }
}

export function postJson(url: string, body: unknown): Promise<Answer> {
  return send(url, { body: JSON.stringify(body) })
}

function parse(text: string): AnswerJson {
  try {
    return JSON.parse(text) as AnswerJson
  } catch {
    return {}
  }
}

/** Posts JSON without a Content-Length (chunked), as a streaming client does. */
export function postJsonChunked(url: string, body: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const headers = new Headers()
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value)
        resolve({ status: res.statusCode ?? 0, headers, text, json: parse(text) })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

/**
 * Streams `bytes` of JSON-looking data without a Content-Length (chunked),
 * and reports the answer's status and Connection header.
 */
export function postChunked(url: string, bytes: number): Promise<{ status: number; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume()
      resolve({ status: res.statusCode ?? 0, connection: res.headers.connection })
    })
    // Writing on after the answer may fail once the server hangs up; only a failure before it counts.
    req.on('error', reject)
    const chunk = Buffer.alloc(1024, 'a')
    let sent = 0
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      req.end()
    }
    req.write('{"code":"')
    pump()
  })
}

/**
 * Sends a POST's headers and the start of its body, waits for `arrived` (the
 * server has the request), then disconnects: a client that gave up.
 */
export function abandonPost(url: string, arrived: Promise<void>): Promise<void> {
  const { hostname, port, pathname } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${pathname} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n{"co`,
      )
      void arrived.then(() => socket.destroy())
    })
    socket.on('error', reject)
    socket.on('close', () => resolve())
  })
}

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

/** A slowloris client against a handler with a `bodyTimeoutMs` of `timeoutMs`: 408, and the socket closed soon after. */
export async function expectCutOffAfter(url: string, timeoutMs: number): Promise<void> {
  const { raw, closedAfterMs } = await trickle(url)
  const [head, body] = raw.split('\r\n\r\n')
  expect(head).toMatch(/^HTTP\/1\.1 408 /)
  expect(head).toMatch(/\r\nConnection: close\r\n/i)
  expect(JSON.parse(body)).toEqual({
    error: { code: 'REQUEST_TIMEOUT', message: expect.stringContaining(`${timeoutMs} ms`) },
  })
  expect(closedAfterMs).toBeGreaterThanOrEqual(timeoutMs - 10)
  expect(closedAfterMs).toBeLessThan(timeoutMs + 2700)
}

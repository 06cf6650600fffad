import { createGroupResolver } from '../resolver/createGroupResolver'
import { withDeadline } from '../shared/deadline'
import { answerJsonPost } from './answerJsonPost'
import { responseOf } from './fetchAnswer'
import type { HandlerOptions } from './nodeHandler'
import { bodyLimits, tooLarge, type BodyLimits, type RequestBody } from './requestBody'

/**
 * A fetch-standard handler (Request in, Response out) for Bun, Deno,
 * Cloudflare Workers with node compatibility, Next.js route handlers and the
 * like. Same answers as createNodeHandler. Never rejects.
 */
export function createFetchHandler(options: HandlerOptions): (request: Request) => Promise<Response> {
  const limits = bodyLimits(options)
  const resolve = createGroupResolver(options)
  return async (request) => {
    let cutOff = false
    const readBody = async () => {
      const body = await readFetchBody(request, limits)
      cutOff = body.kind === 'tooLarge' || body.kind === 'timedOut'
      return body
    }
    const answer = await answerJsonPost(
      resolve,
      { method: request.method, contentType: request.headers.get('content-type'), readBody },
      options.onInternalError,
    )
    // A runtime on node:http (@hono/node-server) would otherwise keep the socket
    // for the rest of a body nobody reads, until Node's own 300 s requestTimeout.
    return responseOf(cutOff ? { ...answer, headers: { ...answer.headers, Connection: 'close' } } : answer)
  }
}

/**
 * Reads at most `maxBytes` for at most `timeoutMs`, with a timer of its own:
 * fetch runtimes give a handler no socket to set a timeout on.
 */
async function readFetchBody(request: Request, { maxBytes, timeoutMs }: BodyLimits): Promise<RequestBody> {
  if (Number(request.headers.get('content-length')) > maxBytes) return tooLarge(maxBytes)
  if (request.body === null) return { kind: 'text', text: '' }
  const reader = request.body.getReader()
  const late = new Error('the body did not arrive in time')
  try {
    return await withDeadline(readText(reader, maxBytes), timeoutMs, () => late)
  } catch (error) {
    if (error !== late) throw error
    // Cancelling tells the runtime to stop receiving the rest.
    reader.cancel().catch(() => undefined)
    return { kind: 'timedOut', afterMs: timeoutMs }
  }
}

async function readText(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<RequestBody> {
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return { kind: 'text', text: text + decoder.decode() }
    size += value.byteLength
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined)
      return tooLarge(maxBytes)
    }
    text += decoder.decode(value, { stream: true })
  }
}

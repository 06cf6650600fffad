import { createGroupResolver } from '../resolver/createGroupResolver'
import { answerJsonPost } from './answerJsonPost'
import { responseOf } from './fetchAnswer'
import type { HandlerOptions } from './nodeHandler'
import { MAX_BODY_BYTES, TOO_LARGE, type RequestBody } from './requestBody'

/**
 * A fetch-standard handler (Request in, Response out) for Bun, Deno,
 * Cloudflare Workers with node compatibility, Next.js route handlers and the
 * like. Same answers as createNodeHandler. Never rejects.
 */
export function createFetchHandler(options: HandlerOptions): (request: Request) => Promise<Response> {
  const resolve = createGroupResolver(options)
  return async (request) =>
    responseOf(
      await answerJsonPost(
        resolve,
        {
          method: request.method,
          contentType: request.headers.get('content-type'),
          readBody: () => readFetchBody(request),
        },
        options.onInternalError,
      ),
    )
}

async function readFetchBody(request: Request): Promise<RequestBody> {
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) return TOO_LARGE
  if (request.body === null) return { kind: 'text', text: '' }
  const reader = request.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return { kind: 'text', text: text + decoder.decode() }
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      // Cancelling tells the runtime to stop receiving the rest.
      reader.cancel().catch(() => undefined)
      return TOO_LARGE
    }
    text += decoder.decode(value, { stream: true })
  }
}

import { reportInternalError, type InternalErrorReporter } from '../shared/reportInternalError'
import { answerForError, errorAnswer, type HttpAnswer } from './httpAnswer'
import type { RequestBody } from './requestBody'

/** What the node and fetch adapters know about a request, in common. */
export interface JsonPostRequest {
  method: string
  contentType: string | null | undefined
  /** Called only once method and content type passed, so refused bodies are never read. */
  readBody(): Promise<RequestBody>
}

const JSON_CONTENT_TYPE = /^application\/json\s*(?:;|$)/i

/**
 * The one place a request becomes an answer, for every adapter: POST with a
 * JSON body in, `handle`'s result as 200 or `{ error: { code, message } }`
 * out. Never throws. Only a failure that is not typed (a bug) is a 500, with
 * a generic message; the error itself goes to `report`.
 */
export async function answerJsonPost(
  handle: (body: unknown) => Promise<unknown>,
  request: JsonPostRequest,
  report?: InternalErrorReporter,
): Promise<HttpAnswer> {
  if (request.method !== 'POST') {
    return errorAnswer(405, 'METHOD_NOT_ALLOWED', 'use POST', { Allow: 'POST' })
  }
  if (!JSON_CONTENT_TYPE.test((request.contentType ?? '').trim())) {
    return errorAnswer(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as JSON with Content-Type: application/json')
  }
  let body: RequestBody
  try {
    body = await request.readBody()
  } catch {
    return errorAnswer(400, 'BAD_INPUT', 'the request body could not be read')
  }
  if (body.kind === 'tooLarge') {
    return errorAnswer(413, 'PAYLOAD_TOO_LARGE', `the body is larger than ${body.limitBytes} bytes`)
  }
  if (body.kind === 'timedOut') {
    return errorAnswer(
      408,
      'REQUEST_TIMEOUT',
      `the request body did not arrive within ${body.afterMs} ms: send it at once`,
    )
  }
  let value: unknown
  if (body.kind === 'parsed') {
    value = body.value
  } else {
    try {
      value = JSON.parse(body.text)
    } catch {
      return errorAnswer(400, 'BAD_INPUT', 'the body is not valid JSON')
    }
  }
  try {
    return { status: 200, json: await handle(value) }
  } catch (error) {
    // A typed failure is answered as it is; a bug, or a failure that asks for it, is reported too.
    const answer = answerForError(error)
    if (answer === undefined || answer.report) reportInternalError(report, error)
    return answer ?? errorAnswer(500, 'INTERNAL', 'internal server error')
  }
}

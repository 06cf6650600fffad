import type { ServerResponse } from 'node:http'
import { JSON_ANSWER_HEADERS, type HttpAnswer } from './httpAnswer'
import type { NodeRequest } from './readNodeBody'

/** Writes the answer to a request whose body may be partly unread. */
export function answerNodeRequest(req: NodeRequest, res: ServerResponse, answer: HttpAnswer): void {
  // Written already by someone else, or the client is gone: nothing more can reach it.
  if (res.headersSent || res.destroyed) return
  // A body left unread (refused early, cut off at the size limit or the time limit)
  // would otherwise be drained or parsed as the next request on this connection.
  sendJson(res, answer, req.complete ? undefined : { Connection: 'close' })
}

export function sendJson(res: ServerResponse, answer: HttpAnswer, extraHeaders?: Record<string, string>): void {
  const body = JSON.stringify(answer.json)
  res.writeHead(answer.status, {
    ...JSON_ANSWER_HEADERS,
    'Content-Length': String(Buffer.byteLength(body)),
    ...answer.headers,
    ...extraHeaders,
  })
  res.end(body)
}

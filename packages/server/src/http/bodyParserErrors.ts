import type { ServerResponse } from 'node:http'
import { isRecord } from '../shared/isRecord'
import { errorAnswer, type HttpAnswer } from './httpAnswer'
import { answerNodeRequest } from './nodeAnswer'
import type { NodeRequest } from './readNodeBody'

/**
 * Express/Connect error middleware for the handler's route. A body parser
 * mounted before the handler (`app.use(express.json())`) answers a body it
 * cannot read by calling `next(error)`, and the handler never runs: this
 * gives such a request the handler's typed JSON answer instead of the
 * framework's HTML page. Any other error goes on to `next`. Mount it on the
 * same path, after the parser: `app.use('/api/opengid', bodyParserErrorHandler)`.
 */
export function bodyParserErrorHandler(
  error: unknown,
  req: NodeRequest,
  res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  const answer = answerForParserError(error)
  if (answer === undefined) return next(error)
  answerNodeRequest(req, res, answer)
}

/** By the `type` that body-parser (Express's parsers, 1.x and 2.x) and raw-body give their errors. */
function answerForParserError(error: unknown): HttpAnswer | undefined {
  switch (isRecord(error) ? error.type : undefined) {
    case 'entity.parse.failed':
      return errorAnswer(400, 'BAD_INPUT', 'the body is not valid JSON')
    case 'entity.too.large':
      return errorAnswer(413, 'PAYLOAD_TOO_LARGE', "the body is larger than the body parser's limit")
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return errorAnswer(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as UTF-8 JSON, not compressed')
    case 'request.aborted':
    case 'request.size.invalid':
      return errorAnswer(400, 'BAD_INPUT', 'the request body could not be read')
    default:
      return undefined
  }
}

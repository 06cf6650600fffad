import type { ServerResponse } from 'node:http'
import { answerJsonPost } from '../http/answerJsonPost'
import type { HttpAnswer } from '../http/httpAnswer'
import { answerNodeRequest } from '../http/nodeAnswer'
import { readNodeBody, type NodeRequest } from '../http/readNodeBody'
import type { InternalErrorReporter } from '../shared/reportInternalError'

/**
 * POST /api/opengid: the embedded handlers' own path from request to answer
 * (answerJsonPost), so the wire contract is the same byte for byte; it also returns
 * the answer's outcome code for the log and the metrics.
 */
export function resolveRoute(
  resolve: (body: unknown) => Promise<unknown>,
  { report, bodyTimeoutMs }: { report: InternalErrorReporter; bodyTimeoutMs?: number },
): (req: NodeRequest, res: ServerResponse) => Promise<string> {
  return async (req, res) => {
    const answer = await answerJsonPost(
      resolve,
      {
        method: req.method ?? '',
        contentType: req.headers['content-type'],
        readBody: () => readNodeBody(req, bodyTimeoutMs),
      },
      report,
    )
    answerNodeRequest(req, res, answer)
    return outcomeCode(answer)
  }
}

/** 'OK' for a group, else the error code the client got. */
function outcomeCode(answer: HttpAnswer): string {
  if (answer.status === 200) return 'OK'
  const error = (answer.json as { error?: { code?: unknown } }).error
  return typeof error?.code === 'string' ? error.code : String(answer.status)
}

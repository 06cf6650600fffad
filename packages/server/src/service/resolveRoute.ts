import type { ServerResponse } from 'node:http'
import type { HttpAnswer } from '../http/httpAnswer'
import { nodeJsonPostHandler, type JsonPostOptions } from '../http/nodeHandler'
import type { NodeRequest } from '../http/readNodeBody'

/**
 * POST /api/opengid: the embedded handlers' own path from request to answer
 * (nodeJsonPostHandler), so the wire contract is the same byte for byte; it also
 * returns the answer's outcome code for the log and the metrics.
 */
export function resolveRoute(
  resolve: (body: unknown) => Promise<unknown>,
  options: JsonPostOptions,
): (req: NodeRequest, res: ServerResponse) => Promise<string> {
  const handler = nodeJsonPostHandler(resolve, options)
  return async (req, res) => outcomeCode(await handler(req, res))
}

/** 'OK' for a group, else the error code the client got. */
function outcomeCode(answer: HttpAnswer): string {
  if (answer.status === 200) return 'OK'
  const error = (answer.json as { error?: { code?: unknown } }).error
  return typeof error?.code === 'string' ? error.code : String(answer.status)
}

import type { ServerResponse } from 'node:http'
import { createGroupResolver, type GroupResolverOptions } from '../resolver/createGroupResolver'
import type { InternalErrorReporter } from '../shared/reportInternalError'
import { answerJsonPost } from './answerJsonPost'
import type { HttpAnswer } from './httpAnswer'
import { answerNodeRequest } from './nodeAnswer'
import { readNodeBody, type NodeRequest } from './readNodeBody'
import { bodyTimeout } from './requestBody'

export type HandlerOptions = GroupResolverOptions & {
  /**
   * Receives errors that are bugs (answered 500) and session store failures
   * (answered 503); default console.error. Other typed failures are not reported.
   * If it throws or rejects, the answer stays the same.
   */
  onInternalError?: InternalErrorReporter
  /** How long the body may take to arrive once the headers have; default 10000. Then 408 REQUEST_TIMEOUT. */
  bodyTimeoutMs?: number
}

/** The node handler's options: the same as every handler's. */
export type NodeHandlerOptions = HandlerOptions

/**
 * A node:http request listener. It ends every request itself and never
 * calls `next`, so it also serves as an Express/Connect route handler; a body
 * that middleware already parsed into `req.body` is used as is. The promise
 * settles when the answer is written and never rejects.
 */
export type NodeHandler = (req: NodeRequest, res: ServerResponse) => Promise<void>

export function createNodeHandler(options: NodeHandlerOptions): NodeHandler {
  const bodyTimeoutMs = bodyTimeout(options.bodyTimeoutMs)
  const handler = nodeJsonPostHandler(createGroupResolver(options), { report: options.onInternalError, bodyTimeoutMs })
  return async (req, res) => {
    await handler(req, res)
  }
}

export interface JsonPostOptions {
  report?: InternalErrorReporter
  bodyTimeoutMs?: number
}

/**
 * The node adapter around answerJsonPost, for any JSON POST endpoint; resolves with
 * the answer it wrote (the service logs and counts its outcome).
 */
export function nodeJsonPostHandler(
  handle: (body: unknown) => Promise<unknown>,
  { report, bodyTimeoutMs }: JsonPostOptions = {},
): (req: NodeRequest, res: ServerResponse) => Promise<HttpAnswer> {
  return async (req, res) => {
    const answer = await answerJsonPost(
      handle,
      {
        method: req.method ?? '',
        contentType: req.headers['content-type'],
        readBody: () => readNodeBody(req, bodyTimeoutMs),
      },
      report,
    )
    answerNodeRequest(req, res, answer)
    return answer
  }
}

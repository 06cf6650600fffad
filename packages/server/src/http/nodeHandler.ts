import type { ServerResponse } from 'node:http'
import { createGroupResolver, type GroupResolverOptions } from '../resolver/createGroupResolver'
import type { InternalErrorReporter } from '../shared/reportInternalError'
import { answerJsonPost } from './answerJsonPost'
import type { HttpAnswer } from './httpAnswer'
import { answerNodeRequest } from './nodeAnswer'
import { readNodeBody, type NodeRequest } from './readNodeBody'
import { bodyLimits, type BodyLimits } from './requestBody'

export type HandlerOptions = GroupResolverOptions & {
  /**
   * Receives errors that are bugs (answered 500) and session store failures
   * (answered 503); default console.error. Other typed failures are not reported.
   * If it throws or rejects, the answer stays the same.
   */
  onInternalError?: InternalErrorReporter
  /** How long the body may take to arrive once the headers have; default 10000. Then 408 REQUEST_TIMEOUT. */
  bodyTimeoutMs?: number
  /**
   * The largest body read, in bytes; default MAX_BODY_BYTES (16 KiB, a real one is about 1 KiB).
   * A larger one is answered 413 PAYLOAD_TOO_LARGE without reading the rest.
   */
  maxBodyBytes?: number
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
  const limits = bodyLimits(options)
  const handler = nodeJsonPostHandler(createGroupResolver(options), { report: options.onInternalError, limits })
  return async (req, res) => {
    await handler(req, res)
  }
}

export interface JsonPostOptions {
  report?: InternalErrorReporter
  limits?: BodyLimits
}

/**
 * The node adapter around answerJsonPost, for any JSON POST endpoint; resolves with
 * the answer it wrote (the service logs and counts its outcome).
 */
export function nodeJsonPostHandler(
  handle: (body: unknown) => Promise<unknown>,
  { report, limits }: JsonPostOptions = {},
): (req: NodeRequest, res: ServerResponse) => Promise<HttpAnswer> {
  return async (req, res) => {
    const answer = await answerJsonPost(
      handle,
      {
        method: req.method ?? '',
        contentType: req.headers['content-type'],
        readBody: () => readNodeBody(req, limits),
      },
      report,
    )
    answerNodeRequest(req, res, answer)
    return answer
  }
}

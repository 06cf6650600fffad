import { OpenDataError } from '../openData/OpenDataError'
import { SessionError } from '../sessions/SessionError'
import type { HttpErrorCode } from '../shared/wire'
import { WECHAT_UNREACHABLE, WeChatApiError } from '../wechat/WeChatApiError'

export type { HttpErrorCode }

/** Every answer is JSON about one user's login: no cache may keep it. */
export const JSON_ANSWER_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }

export interface HttpAnswer {
  status: number
  json: unknown
  headers?: Record<string, string>
  /** A typed failure the operator should still hear of (onInternalError): the session store is down. */
  report?: boolean
}

export function errorAnswer(
  status: number,
  code: HttpErrorCode,
  message: string,
  headers?: Record<string, string>,
): HttpAnswer {
  return { status, json: { error: { code, message } }, headers }
}

/** The answer for a typed failure, or undefined for anything else (a bug). */
export function answerForError(error: unknown): HttpAnswer | undefined {
  if (error instanceof OpenDataError) return answerForOpenDataError(error)
  if (error instanceof WeChatApiError) return answerForWeChatError(error)
  if (error instanceof SessionError) return answerForSessionError(error)
  return undefined
}

/**
 * Only malformed input is told apart. Everything that happens once a key meets
 * the data (bad padding, not JSON, no group, an id of the wrong shape, a
 * watermark of another app or age) is this one answer: which check failed is
 * exactly what a client altering ciphertexts wants to learn.
 */
const UNREADABLE_DATA = errorAnswer(
  400,
  'DECRYPT',
  "the group data cannot be read with this login's session: log in first, then get the group info, then send that code with that data",
)

function answerForOpenDataError(error: OpenDataError): HttpAnswer {
  return error.code === 'BAD_INPUT' ? errorAnswer(400, 'BAD_INPUT', error.message) : UNREADABLE_DATA
}

function answerForSessionError(error: SessionError): HttpAnswer {
  return error.code === 'SESSION_EXPIRED'
    ? errorAnswer(401, 'SESSION_EXPIRED', error.message)
    : {
        ...errorAnswer(503, 'SESSIONS_UNAVAILABLE', 'the server cannot reach its session store: try again later'),
        report: true,
      }
}

function answerForWeChatError({ errcode }: WeChatApiError): HttpAnswer {
  switch (errcode) {
    case 40029:
    case 40163:
      return errorAnswer(
        401,
        'INVALID_CODE',
        `the login code is invalid, expired or already used: log in again and send the new code (WeChat errcode ${errcode})`,
      )
    case 45011:
      return errorAnswer(
        429,
        'RATE_LIMITED',
        'too many logins for this user: try again in a minute (WeChat errcode 45011)',
      )
    case 40226:
      return errorAnswer(403, 'HIGH_RISK', 'WeChat blocks this user as high-risk (WeChat errcode 40226)')
    case -1:
    case WECHAT_UNREACHABLE:
      return errorAnswer(
        503,
        'WECHAT_UNAVAILABLE',
        `WeChat is busy or unreachable: try again later (errcode ${errcode})`,
      )
    default:
      // With the wire's errCode (wire.ts ErrorBody): the one answer whose cause a client cannot tell from its code.
      return {
        status: 502,
        json: {
          error: {
            code: 'WECHAT_ERROR',
            message: `WeChat refused the server's code2Session request (errcode ${errcode}): check the server's appId and secret`,
            errCode: errcode,
          },
        },
      }
  }
}

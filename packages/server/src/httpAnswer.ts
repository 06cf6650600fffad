import { OpenDataError, WECHAT_UNREACHABLE, WeChatApiError } from './errors'

/** The `error.code` of an error answer. Stable: clients branch on it. */
export type HttpErrorCode =
  | 'BAD_INPUT'
  | 'DECRYPT'
  | 'INVALID_CODE'
  | 'HIGH_RISK'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NO_GROUP'
  | 'EXPIRED'
  | 'APPID_MISMATCH'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'WECHAT_ERROR'
  | 'WECHAT_UNAVAILABLE'

/** Every answer is JSON about one user's login: no cache may keep it. */
export const JSON_ANSWER_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }

export interface HttpAnswer {
  status: number
  json: unknown
  headers?: Record<string, string>
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
  return undefined
}

function answerForOpenDataError(error: OpenDataError): HttpAnswer {
  switch (error.code) {
    case 'BAD_INPUT':
      return errorAnswer(400, 'BAD_INPUT', error.message)
    // BAD_KEY comes from WeChat's own session_key, so like the other two it
    // means: this data cannot be read with this login's session.
    case 'BAD_KEY':
    case 'DECRYPT':
    case 'NOT_JSON':
      return errorAnswer(
        400,
        'DECRYPT',
        "encryptedData cannot be decrypted with this login's session: log in first, then get the group info, then send that code with that data",
      )
    case 'NO_GROUP':
    case 'EXPIRED':
    case 'APPID_MISMATCH':
      return errorAnswer(422, error.code, error.message)
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
      return errorAnswer(
        502,
        'WECHAT_ERROR',
        `WeChat refused the server's code2Session request (errcode ${errcode}): check the server's appId and secret`,
      )
  }
}

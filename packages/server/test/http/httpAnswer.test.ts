import {
  GroupTicketError,
  OpenDataError,
  SessionError,
  WECHAT_UNREACHABLE,
  WeChatApiError,
  type OpenDataErrorCode,
} from '@opengid/server'
import { answerForError } from '../../src/http/httpAnswer'
import { SECRET } from '../support/fixtures'

const SESSION_KEY = 'a2V5a2V5a2V5a2V5a2V5aw=='

describe('answerForError', () => {
  test('malformed input (BAD_INPUT) is a 400 that says which field is wrong', () => {
    expect(answerForError(new OpenDataError('BAD_INPUT', 'iv must be a string'))).toEqual({
      status: 400,
      json: { error: { code: 'BAD_INPUT', message: 'iv must be a string' } },
    })
  })

  // Which check failed is exactly what a client altering ciphertexts wants to learn.
  test('every failure past the input is one and the same 400 DECRYPT answer', () => {
    const codes: OpenDataErrorCode[] = ['BAD_KEY', 'DECRYPT', 'NOT_JSON', 'APPID_MISMATCH', 'EXPIRED', 'NO_GROUP']
    const answers = codes.map((code) => answerForError(new OpenDataError(code, `${code}: ${SESSION_KEY}`)))
    expect(answers[0]).toEqual({ status: 400, json: { error: { code: 'DECRYPT', message: expect.any(String) } } })
    for (const answer of answers) expect(answer).toEqual(answers[0])
    expect(JSON.stringify(answers[0])).not.toContain(SESSION_KEY)
    expect(JSON.stringify(answers[0])).not.toMatch(/BAD_KEY|NOT_JSON|APPID_MISMATCH|EXPIRED|NO_GROUP/)
  })

  test.each([
    [40029, 401, 'INVALID_CODE'],
    [40163, 401, 'INVALID_CODE'],
    [45011, 429, 'RATE_LIMITED'],
    [40226, 403, 'HIGH_RISK'],
    [-1, 503, 'WECHAT_UNAVAILABLE'],
    [WECHAT_UNREACHABLE, 503, 'WECHAT_UNAVAILABLE'],
    [40013, 502, 'WECHAT_ERROR'],
    [40125, 502, 'WECHAT_ERROR'],
  ])("WeChat's errcode %s is a %s %s, the errcode in the message", (errcode, status, code) => {
    const answer = answerForError(new WeChatApiError(errcode, 'whatever WeChat said'))
    // WECHAT_ERROR alone says nothing of the cause: its body keeps WeChat's errcode as errCode.
    const errCode = code === 'WECHAT_ERROR' ? { errCode: errcode } : {}
    expect(answer).toEqual({
      status,
      json: { error: { code, message: expect.stringContaining(`errcode ${errcode})`), ...errCode } },
    })
  })

  test("WeChat's errmsg never reaches the answer: it can quote the request, secret and all", () => {
    const answer = answerForError(new WeChatApiError(40125, `invalid appsecret ${SECRET}, rid: 1`))
    expect(JSON.stringify(answer)).not.toContain(SECRET)
    expect(JSON.stringify(answer)).not.toContain('invalid appsecret')
  })

  test('an unknown or expired session is a 401 SESSION_EXPIRED: the client logs in again', () => {
    const error = new SessionError('SESSION_EXPIRED', 'the session is unknown or has expired')
    expect(answerForError(error)).toEqual({
      status: 401,
      json: { error: { code: 'SESSION_EXPIRED', message: 'the session is unknown or has expired' } },
    })
  })

  test("a session store that fails is a 503 to report, without the store's message", () => {
    const answer = answerForError(new SessionError('STORE_UNAVAILABLE', `ECONNREFUSED GET session:${SESSION_KEY}`))
    expect(answer).toEqual({
      status: 503,
      json: { error: { code: 'SESSIONS_UNAVAILABLE', message: expect.any(String) } },
      report: true,
    })
    expect(JSON.stringify(answer)).not.toMatch(/ECONNREFUSED|session:/)
  })

  test("only the session store failure asks to be reported: the others are the client's or WeChat's doing", () => {
    const answered = [
      new OpenDataError('BAD_INPUT', 'iv must be a string'),
      new OpenDataError('DECRYPT', 'bad padding'),
      new SessionError('SESSION_EXPIRED', 'gone'),
      ...[40029, 45011, 40226, -1, WECHAT_UNREACHABLE, 40013].map((errcode) => new WeChatApiError(errcode, '')),
    ]
    for (const error of answered) expect(answerForError(error)?.report).toBeUndefined()
  })

  // Undefined is the caller's cue to answer 500 and report the error as a bug.
  test.each([
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'sessionKey')")],
    ['a GroupTicketError', new GroupTicketError('MALFORMED')],
    ['an object that looks like an OpenDataError', { name: 'OpenDataError', code: 'BAD_INPUT', message: 'x' }],
    ['a string', 'failed'],
    ['undefined', undefined],
  ])('%s gets no answer of its own', (_name, error) => {
    expect(answerForError(error)).toBeUndefined()
  })
})

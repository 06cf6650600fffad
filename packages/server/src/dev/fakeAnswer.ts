import { randomBytes } from 'node:crypto'

/** What a fake WeChat API answers: its JSON, errcode and all. */
export type FakeAnswer = Record<string, unknown>

/** WeChat's errmsg for the codes the fake answers; a code not listed gets 'error'. */
const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40029: 'invalid code',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40226: 'high risk user',
  41001: 'access_token missing',
  42001: 'access_token expired',
  45011: 'api minute-quota reach limit mustslower retry next minute',
  47001: 'data format error',
}

/** An error answer as WeChat words it, with a request id (rid) like the real ones. */
export function wechatError(errcode: number, detail?: string): FakeAnswer {
  const errmsg = `${ERRMSG[errcode] ?? 'error'}${detail === undefined ? '' : `: ${detail}`}`
  return { errcode, errmsg: `${errmsg}, rid: ${randomBytes(6).toString('hex')}` }
}

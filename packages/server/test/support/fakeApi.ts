import { APP_ID, SECRET } from './fixtures'
import { send } from './http'

type Json = Record<string, unknown>

/** The fake WeChat's access token and chat tool APIs, called over HTTP as WeChat's would be. */
export function fakeApi(wechat: { readonly url: string }) {
  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json> {
    const answer = await send(`${wechat.url}${path}`, {
      method,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    expect(answer.status).toBe(200)
    return JSON.parse(answer.text) as Json
  }

  const tokenRequest = (change: Json = {}) => ({
    grant_type: 'client_credential',
    appid: APP_ID,
    secret: SECRET,
    ...change,
  })
  const stableToken = async (change: Json = {}) => call('POST', '/cgi-bin/stable_token', tokenRequest(change))
  const createActivity = async (token: string) =>
    call('GET', `/cgi-bin/message/wxopen/activityid/create?access_token=${token}`)
  const sendUpdate = async (token: string, body: unknown) =>
    call('POST', `/cgi-bin/message/wxopen/chattoolmsg/send?access_token=${token}`, body)

  async function newToken(): Promise<string> {
    const { access_token: token } = await stableToken()
    return token as string
  }

  return { call, stableToken, createActivity, sendUpdate, newToken }
}

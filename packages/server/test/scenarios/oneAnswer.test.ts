import { createNodeHandler } from '@opengid/server'
import { sessionOf } from '../support/answers'
import { CREDENTIALS, newUser, servedFake } from '../support/fixtures'
import { postJson, type Answer } from '../support/http'
import { serve, type Served } from '../support/serve'
import { UNREADABLE } from '../support/unreadableData'

/**
 * AES-CBC has no integrity check: a client can alter its ciphertext and watch
 * what the server says. If bad padding, not-JSON, no group, a malformed id or a
 * watermark failure each had their own answer, that would be an oracle for
 * crafting data. So each path has exactly one answer for all of them.
 */

const wechat = servedFake()
const { fake } = wechat
let api: Served
let withCode: Visible
let unknownSession: Visible

type Visible = ReturnType<typeof visible>
const visible = ({ status, text, headers }: Answer) => ({ status, text, type: headers.get('content-type') })

/** A fresh login's code and the data `make` produces under that login's key. */
function coldBody(make: (typeof UNREADABLE)[number][1]) {
  const user = newUser()
  const code = fake.login(user)
  return { code, ...make(fake, user) }
}

beforeAll(async () => {
  api = await serve(createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url, maxAgeSeconds: 300 }))
  withCode = visible(await postJson(api.url, coldBody(UNREADABLE[0][1])))
  unknownSession = visible(await postJson(api.url, fake.sessionRequest(newUser(), 'A'.repeat(32), { opengid: 'G' })))
})
afterAll(() => api.close())

test('the two answers: 400 DECRYPT with a code, 401 SESSION_EXPIRED with a session', () => {
  expect(withCode.status).toBe(400)
  expect(JSON.parse(withCode.text).error.code).toBe('DECRYPT')
  expect(unknownSession.status).toBe(401)
  expect(JSON.parse(unknownSession.text).error.code).toBe('SESSION_EXPIRED')
})

test.each(UNREADABLE)('with a code, %s: the one DECRYPT answer, byte for byte', async (_name, make) => {
  expect(visible(await postJson(api.url, coldBody(make)))).toEqual(withCode)
})

test.each(UNREADABLE)(
  'with a session, %s: the unknown-session answer, and the session is deleted',
  async (_name, make) => {
    const user = newUser()
    const session = sessionOf(await postJson(api.url, fake.clientRequest(user, { opengid: 'G-warm' })))
    expect(visible(await postJson(api.url, { session, ...make(fake, user) }))).toEqual(unknownSession)
    // Even genuine data under that session is refused now: the next try costs a login.
    const retry = await postJson(api.url, fake.sessionRequest(user, session, { opengid: 'G-warm' }))
    expect(visible(retry)).toEqual(unknownSession)
  },
)

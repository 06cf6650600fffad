import { randomBytes } from 'node:crypto'
import { createGroupResolver, type FetchLike } from '@opengid/server'
import { groupAnswer } from './support/answers'
import { encryptOpenData } from '@opengid/server/dev'
import { decodeBase64 } from '../src/openData/base64'
import { CREDENTIALS } from './support/fixtures'

jest.mock('../src/openData/base64', () => {
  const actual = jest.requireActual<typeof import('../src/openData/base64')>('../src/openData/base64')
  return { decodeBase64: jest.fn(actual.decodeBase64) }
})

test('createGroupResolver decodes encryptedData and iv once per request', async () => {
  const sessionKey = randomBytes(16).toString('base64')
  const wechat: FetchLike = async () => ({
    status: 200,
    text: async () => JSON.stringify({ openid: 'o-user', session_key: sessionKey }),
  })
  const data = encryptOpenData(sessionKey, { opengid: 'G-once' })
  const resolve = createGroupResolver({ ...CREDENTIALS, fetch: wechat })

  expect(await resolve({ code: 'a-login-code', ...data })).toEqual(groupAnswer({ opengid: 'G-once' }))
  const decoded = jest.mocked(decodeBase64).mock.calls.map(([text]) => text)
  expect(decoded.filter((text) => text === data.encryptedData)).toHaveLength(1)
  expect(decoded.filter((text) => text === data.iv)).toHaveLength(1)
})

import { randomBytes } from 'node:crypto'
import { createGroupResolver, createNodeHandler, type FetchLike } from '@opengid/server'
import { groupAnswer } from '../support/answers'
import { encryptOpenData } from '@opengid/server/dev'
import { decodeBase64 } from '../../src/openData/base64'
import { APP_ID, CREDENTIALS, SECRET } from '../support/fixtures'

jest.mock('../../src/openData/base64', () => {
  const actual = jest.requireActual<typeof import('../../src/openData/base64')>('../../src/openData/base64')
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

describe('handler options are checked at creation', () => {
  test.each([
    ['no ticketSecret', { appId: APP_ID, secret: SECRET }],
    ['a ticketSecret under 32 bytes', { ...CREDENTIALS, ticketSecret: 'too-short' }],
    [
      'the AppSecret as ticketSecret',
      { ...CREDENTIALS, ticketSecret: SECRET.padEnd(40, '0'), secret: SECRET.padEnd(40, '0') },
    ],
    ['a bodyTimeoutMs of 0', { ...CREDENTIALS, bodyTimeoutMs: 0 }],
    ['a ticketTtlSeconds of NaN', { ...CREDENTIALS, ticketTtlSeconds: Number.NaN }],
  ])('%s is a TypeError', (_name, options) => {
    expect(() => createNodeHandler(options as Parameters<typeof createNodeHandler>[0])).toThrow(TypeError)
  })
})

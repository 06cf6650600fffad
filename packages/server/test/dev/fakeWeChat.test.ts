import { decryptOpenData } from '@opengid/server'
import { createFakeWeChat } from '@opengid/server/dev'
import { APP_ID, makeFake, newUser, SECRET } from '../support/fixtures'
import { send } from '../support/http'

function plaintextFor(fake: ReturnType<typeof makeFake>, user: string, group: Parameters<typeof fake.encryptGroup>[1]) {
  const sessionKey = fake.sessionKey(user) ?? ''
  return decryptOpenData({ sessionKey, ...fake.encryptGroup(user, group) })
}

describe('createFakeWeChat', () => {
  const fake = makeFake()

  test('encrypts the getGroupEnterInfo shape, without a watermark by default', () => {
    const user = newUser()
    fake.login(user)
    expect(plaintextFor(fake, user, { opengid: 'G1', chatType: 4, groupOpenid: 'o-g' })).toEqual({
      opengid: 'G1',
      open_single_roomid: '',
      group_openid: 'o-g',
      chat_type: 4,
    })
  })

  test('encrypts the getShareInfo shape, with a watermark of the app and the current time', () => {
    const user = newUser()
    fake.login(user)
    const before = Math.floor(Date.now() / 1000)
    const payload = plaintextFor(fake, user, { opengid: 'G2', source: 'getShareInfo' })
    expect(payload).toEqual({ openGId: 'G2', watermark: { appid: APP_ID, timestamp: expect.any(Number) } })
    const { timestamp } = payload.watermark as { timestamp: number }
    expect(timestamp).toBeGreaterThanOrEqual(before)
    expect(timestamp).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000))
  })

  test('a watermark can be asked for, dated and attributed to another app', () => {
    const user = newUser()
    fake.login(user)
    expect(
      plaintextFor(fake, user, { opengid: 'G3', watermark: true, timestamp: 1234, appId: 'wxelse' }),
    ).toMatchObject({
      watermark: { appid: 'wxelse', timestamp: 1234 },
    })
    expect(plaintextFor(fake, user, { opengid: 'G3', source: 'getShareInfo', watermark: false })).toEqual({
      openGId: 'G3',
    })
  })

  test('each encryption uses a fresh iv', () => {
    const user = newUser()
    expect(fake.encryptGroup(user, { opengid: 'G' }).iv).not.toBe(fake.encryptGroup(user, { opengid: 'G' }).iv)
  })

  test('login rotates the session key by default, so data from before a later login no longer decrypts', () => {
    const user = newUser()
    const stale = fake.encryptGroup(user, { opengid: 'G' })
    const keyBefore = fake.sessionKey(user)
    fake.login(user)
    expect(fake.sessionKey(user)).not.toBe(keyBefore)
    expect(() => decryptOpenData({ sessionKey: fake.sessionKey(user) ?? '', ...stale })).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^(DECRYPT|NOT_JSON)$/) }),
    )
  })

  test('with rotateSessionKeyOnLogin false the key survives later logins', () => {
    const steady = makeFake(false)
    const user = newUser()
    steady.login(user)
    const key = steady.sessionKey(user)
    steady.login(user)
    expect(steady.sessionKey(user)).toBe(key)
  })

  test('clientRequest logs the user in, then encrypts with the key of that login', () => {
    const user = newUser()
    fake.login(user)
    const earlier = fake.sessionKey(user)
    const request = fake.clientRequest(user, { opengid: 'G4', source: 'getShareInfo' })
    expect(request).toEqual({
      code: expect.any(String),
      encryptedData: expect.any(String),
      iv: expect.any(String),
      source: 'getShareInfo',
    })
    expect(fake.sessionKey(user)).not.toBe(earlier)
    const { encryptedData, iv } = request
    expect(decryptOpenData({ sessionKey: fake.sessionKey(user) ?? '', encryptedData, iv }).openGId).toBe('G4')
    expect(fake.clientRequest(user, { opengid: 'G4' }).source).toBe('getGroupEnterInfo')
  })

  test('issuedSessionKeys keeps every key handed out, the ones later logins replaced too', () => {
    const user = newUser()
    const before = fake.issuedSessionKeys.length
    fake.login(user)
    const first = fake.sessionKey(user)
    fake.login(user)
    expect(fake.issuedSessionKeys.slice(before)).toEqual([first, fake.sessionKey(user)])
  })

  test('checkSession: true once the user logged in, false for a key that came from no login', () => {
    const user = newUser()
    fake.encryptGroup(user, { opengid: 'G' })
    expect(fake.checkSession(user)).toBe(false)
    fake.login(user)
    expect(fake.checkSession(user)).toBe(true)
    expect(fake.checkSession(newUser())).toBe(false)
  })

  test('userOf names the user of an openid it handed out, and nobody else', async () => {
    const wechat = await fake.listen()
    try {
      const user = newUser()
      const url = `${wechat.url}/sns/jscode2session?appid=${APP_ID}&secret=${SECRET}&grant_type=authorization_code&js_code=${fake.login(user)}`
      const { openid } = JSON.parse((await send(url, { method: 'GET' })).text) as { openid: string }
      expect(fake.userOf(openid)).toBe(user)
      expect(fake.userOf('o-unknown')).toBeUndefined()
    } finally {
      await wechat.close()
    }
  })

  test('sessionRequest is the warm body: the session, no code, data under the current key', () => {
    const user = newUser()
    fake.login(user)
    const request = fake.sessionRequest(user, 'session-id', { opengid: 'G5' })
    expect(request).toEqual({
      session: 'session-id',
      encryptedData: expect.any(String),
      iv: expect.any(String),
      source: 'getGroupEnterInfo',
    })
    const { encryptedData, iv } = request
    expect(decryptOpenData({ sessionKey: fake.sessionKey(user) ?? '', encryptedData, iv }).opengid).toBe('G5')
  })

  test('code2SessionLatencyMs delays each /sns/jscode2session answer', async () => {
    const slow = createFakeWeChat({ appId: APP_ID, secret: SECRET, code2SessionLatencyMs: 150 })
    const wechat = await slow.listen()
    try {
      const started = Date.now()
      await send(`${wechat.url}/sns/jscode2session`, { method: 'GET' })
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)
      expect(slow.exchanges).toBe(1)
    } finally {
      await wechat.close()
    }
  })

  test('answers 404 to a path or a method it does not serve', async () => {
    const wechat = await createFakeWeChat({ appId: APP_ID, secret: SECRET }).listen()
    try {
      expect((await send(`${wechat.url}/sns/other`, { method: 'GET' })).status).toBe(404)
      expect((await send(`${wechat.url}/sns/jscode2session`, { body: '{}' })).status).toBe(404)
      const answer = await send(`${wechat.url}/sns/jscode2session?appid=${APP_ID}&secret=${SECRET}`, { method: 'GET' })
      expect(answer.status).toBe(200)
      expect(JSON.parse(answer.text)).toEqual({ errcode: 40002, errmsg: expect.stringContaining('grant_type') })
    } finally {
      await wechat.close()
    }
  })
})

import { createAccessTokenCache, createActivityId, verifyGroupTicket } from '@opengid/server'
import { DEV_APP_ID, startDevServer, type DevServer } from '@opengid/server/dev'
import { groupAnswer } from '../support/answers'
import { postJson, send } from '../support/http'

describe('startDevServer', () => {
  let dev: DevServer

  beforeAll(async () => {
    dev = await startDevServer({ port: 0 })
  })
  afterAll(() => dev.close())

  test('listens on 127.0.0.1 on a free port', () => {
    expect(dev.port).toBeGreaterThan(0)
    expect(dev.url).toBe(`http://127.0.0.1:${dev.port}`)
  })

  describe('the simulated client flow', () => {
    test('login, then group-enter-info, then /api/opengid resolves the group via the fake over HTTP', async () => {
      const before = dev.fake.exchanges
      const { code } = (await postJson(`${dev.url}/__wechat/login`, { user: 'alice' })).json
      const data = (
        await postJson(`${dev.url}/__wechat/group-enter-info`, { user: 'alice', opengid: 'G-demo', chatType: 3 })
      ).json
      expect(data).toEqual({ encryptedData: expect.any(String), iv: expect.any(String) })

      const answer = await postJson(`${dev.url}/api/opengid`, { code, ...data, source: 'getGroupEnterInfo' })
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual(groupAnswer({ opengid: 'G-demo', chatType: 3 }))
      expect(dev.fake.exchanges).toBe(before + 1)
    })

    test('getShareInfo payloads work too', async () => {
      const { code } = (await postJson(`${dev.url}/__wechat/login`, { user: 'bob' })).json
      const data = (
        await postJson(`${dev.url}/__wechat/group-enter-info`, {
          user: 'bob',
          opengid: 'G-share',
          source: 'getShareInfo',
        })
      ).json
      expect((await postJson(`${dev.url}/api/opengid`, { code, ...data })).json).toEqual(
        groupAnswer({ opengid: 'G-share' }),
      )
    })

    test('group info fetched before login shows the ordering bug as 400 DECRYPT', async () => {
      const data = (await postJson(`${dev.url}/__wechat/group-enter-info`, { user: 'carol', opengid: 'G' })).json
      const { code } = (await postJson(`${dev.url}/__wechat/login`, { user: 'carol' })).json
      const answer = await postJson(`${dev.url}/api/opengid`, { code, ...data })
      expect(answer.status).toBe(400)
      expect(answer.json.error?.code).toBe('DECRYPT')
    })

    test.each([
      ['/__wechat/login', {}],
      ['/__wechat/login', { user: 7 }],
      ['/__wechat/group-enter-info', { user: 'dave' }],
      ['/__wechat/group-enter-info', { user: 'dave', opengid: 'G', chatType: 9 }],
      ['/__wechat/group-enter-info', { user: 'dave', opengid: 'G', source: 'getGroupInfo' }],
      ['/__wechat/group-enter-info', { user: 'dave', opengid: 'G', watermark: 'yes' }],
      ['/__wechat/group-enter-info', { user: 'dave', opengid: 'G', groupOpenid: 1 }],
    ])('%s with %j is 400 BAD_INPUT', async (route, body) => {
      const answer = await postJson(`${dev.url}${route}`, body)
      expect(answer.status).toBe(400)
      expect(answer.json.error?.code).toBe('BAD_INPUT')
    })

    test('the simulator endpoints take POST only', async () => {
      expect((await send(`${dev.url}/__wechat/login`, { method: 'GET' })).status).toBe(405)
    })
  })

  describe('the new protocol: sessions, tickets, check-session', () => {
    const login = async (user: string) => (await postJson(`${dev.url}/__wechat/login`, { user })).json.code
    const groupInfo = async (user: string, opengid: string) =>
      (await postJson(`${dev.url}/__wechat/group-enter-info`, { user, opengid })).json

    test('POST /__wechat/check-session says whether the user has a key from a login', async () => {
      const checkSession = async (user: string) =>
        (await postJson(`${dev.url}/__wechat/check-session`, { user })).json as { valid?: boolean }
      expect(await checkSession('frank')).toEqual({ valid: false })
      await login('frank')
      expect(await checkSession('frank')).toEqual({ valid: true })
      expect((await postJson(`${dev.url}/__wechat/check-session`, {})).status).toBe(400)
    })

    test('a warm request with the session of an earlier answer resolves without code2Session; its ticket verifies', async () => {
      const code = await login('grace')
      const cold = await postJson(`${dev.url}/api/opengid`, { code, ...(await groupInfo('grace', 'G-warm-dev')) })
      const before = dev.fake.exchanges
      const warm = await postJson(`${dev.url}/api/opengid`, {
        session: cold.json.session,
        ...(await groupInfo('grace', 'G-warm-dev')),
      })
      expect(warm.json).toEqual(groupAnswer({ opengid: 'G-warm-dev', chatType: 3 }))
      expect(warm.json.session).toBe(cold.json.session)
      expect(dev.fake.exchanges).toBe(before)
      const claims = await verifyGroupTicket(warm.json.ticket, { ticketSecret: dev.ticketSecret, appId: DEV_APP_ID })
      expect(dev.fake.userOf(claims.openid)).toBe('grace')
    })
  })

  test('latencyMs delays /api/opengid answers', async () => {
    const slow = await startDevServer({ latencyMs: 150 })
    try {
      const started = Date.now()
      expect((await postJson(`${slow.url}/api/opengid`, {})).status).toBe(400)
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    } finally {
      await slow.close()
    }
  })

  test('without staticDir other paths are 404 JSON', async () => {
    const bare = await startDevServer()
    try {
      const answer = await send(`${bare.url}/`, { method: 'GET' })
      expect(answer.status).toBe(404)
      expect(answer.json.error?.code).toBe('NOT_FOUND')
    } finally {
      await bare.close()
    }
  })

  test('close() ends kept-alive connections and frees the port', async () => {
    const temporary = await startDevServer()
    await postJson(`${temporary.url}/__wechat/login`, { user: 'erin' })
    const started = Date.now()
    await temporary.close()
    expect(Date.now() - started).toBeLessThan(1000)
    await expect(fetch(`${temporary.url}/`)).rejects.toThrow()
  })
})

test('the dev server serves the same APIs, so a cache pointed at it works', async () => {
  const dev = await startDevServer({ secret: 'dev-secret' })
  try {
    const tokens = createAccessTokenCache({ appId: dev.fake.appId, secret: 'dev-secret', endpoint: dev.url })
    const { activityId } = await createActivityId(tokens)
    expect(dev.fake.activity(activityId)?.targetState).toBe(1)
    expect(dev.fake.tokenIssuances).toBe(1)
  } finally {
    await dev.close()
  }
})

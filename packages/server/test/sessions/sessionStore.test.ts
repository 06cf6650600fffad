import { createFetchHandler, createNodeHandler, type SessionStore } from '@opengid/server'
import { CREDENTIALS, newUser, secretsOf, servedFake } from '../support/fixtures'
import { postJson } from '../support/http'
import { serve } from '../support/serve'

// The store as the resolver reads it: a failure is 503, an answer that is no record is no session.

const wechat = servedFake()
const { fake } = wechat

test.each([
  ['a number', 42],
  ['text that is not JSON', 'not json'],
  ['an array', [{ openid: 'o-someone', sessionKey: 'a2V5' }]],
  ['a record without its session key', { openid: 'o-someone' }],
])('a custom store that answers %s has no session: 401 SESSION_EXPIRED', async (_name, stored) => {
  const odd: SessionStore = {
    get: async () => stored as never,
    set: async () => undefined,
    delete: async () => undefined,
  }
  const handle = createFetchHandler({ ...CREDENTIALS, endpoint: wechat.url, sessions: odd })
  const answer = await handle(
    new Request('http://127.0.0.1/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fake.sessionRequest(newUser(), 'A'.repeat(32), { opengid: 'G' })),
    }),
  )
  expect(answer.status).toBe(401)
  expect((await answer.json()).error.code).toBe('SESSION_EXPIRED')
})

describe('a session store that fails', () => {
  const failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), {
    code: 'ECONNREFUSED',
    // What ioredis attaches to a failed command: its arguments, session key included.
    command: { name: 'set', args: ['opengid:session:x', JSON.stringify({ sessionKey: 'LEAKED-KEY' })] },
  })
  const broken: SessionStore = {
    get: () => Promise.reject(failure),
    set: () => Promise.reject(failure),
    delete: () => Promise.reject(failure),
  }

  test('is 503 SESSIONS_UNAVAILABLE; the report quotes neither the command nor a key', async () => {
    const reported: unknown[] = []
    const api = await serve(
      createNodeHandler({
        ...CREDENTIALS,
        endpoint: wechat.url,
        sessions: broken,
        onInternalError: (error) => reported.push(error),
      }),
    )
    try {
      const cold = await postJson(api.url, fake.clientRequest(newUser(), { opengid: 'G' }))
      const warm = await postJson(api.url, fake.sessionRequest(newUser(), 'A'.repeat(32), { opengid: 'G' }))
      for (const answer of [cold, warm]) {
        expect(answer.status).toBe(503)
        expect(answer.json).toEqual({ error: { code: 'SESSIONS_UNAVAILABLE', message: expect.any(String) } })
      }
      expect(reported).toHaveLength(2)
      const logged = reported.map((error) => JSON.stringify(error) + String(error)).join('\n')
      expect(logged).toContain('ECONNREFUSED')
      for (const secret of ['LEAKED-KEY', ...secretsOf(fake)]) {
        expect(logged + cold.text + warm.text).not.toContain(secret)
      }
    } finally {
      await api.close()
    }
  })
})

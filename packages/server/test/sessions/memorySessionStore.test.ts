import { DEFAULT_SESSION_TTL_SECONDS, memorySessionStore } from '@opengid/server'

const record = (n: number) => ({ openid: `o-${n}`, sessionKey: Buffer.alloc(16, n).toString('base64') })

describe('memorySessionStore', () => {
  afterEach(() => jest.useRealTimers())

  test('keeps, returns and deletes records', async () => {
    const store = memorySessionStore()
    await store.set('a', record(1))
    await store.set('b', { ...record(2), unionid: 'u-2' })
    expect(await store.get('a')).toEqual(record(1))
    expect(await store.get('b')).toEqual({ ...record(2), unionid: 'u-2' })
    await store.delete('a')
    expect(await store.get('a')).toBeUndefined()
    expect(await store.get('never')).toBeUndefined()
  })

  test('forgets a record once its ttlSeconds have passed (default 7 days)', async () => {
    jest.useFakeTimers({ now: Date.UTC(2030, 0, 1) })
    const store = memorySessionStore({ ttlSeconds: 60 })
    const lasting = memorySessionStore()
    await store.set('a', record(1))
    await lasting.set('a', record(1))
    jest.setSystemTime(Date.now() + 59_999)
    expect(await store.get('a')).toEqual(record(1))
    jest.setSystemTime(Date.now() + 1)
    expect(await store.get('a')).toBeUndefined()
    jest.setSystemTime(Date.now() + DEFAULT_SESSION_TTL_SECONDS * 1000 - 60_001)
    expect(await lasting.get('a')).toEqual(record(1))
    jest.setSystemTime(Date.now() + 1)
    expect(await lasting.get('a')).toBeUndefined()
  })

  test('holds at most maxEntries: each new session evicts the oldest', async () => {
    const store = memorySessionStore({ maxEntries: 3 })
    for (let n = 1; n <= 5; n++) await store.set(`s${n}`, record(n))
    expect(await Promise.all(['s1', 's2', 's3', 's4', 's5'].map((id) => store.get(id)))).toEqual([
      undefined,
      undefined,
      record(3),
      record(4),
      record(5),
    ])
  })

  test('setting an id again renews it: it is then the newest, not the oldest', async () => {
    const store = memorySessionStore({ maxEntries: 2 })
    await store.set('a', record(1))
    await store.set('b', record(2))
    await store.set('a', record(3))
    await store.set('c', record(4))
    expect(await store.get('a')).toEqual(record(3))
    expect(await store.get('b')).toBeUndefined()
  })

  test.each([{ maxEntries: 0 }, { maxEntries: 1.5 }, { ttlSeconds: 0 }, { ttlSeconds: Number.NaN }])(
    '%j is a TypeError',
    (options) => {
      expect(() => memorySessionStore(options)).toThrow(TypeError)
    },
  )
})

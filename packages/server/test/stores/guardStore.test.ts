import { guardStore, storeTimeout } from '../../src/stores/guardStore'

const never = () => new Promise<never>(() => undefined)

describe('guardStore', () => {
  test('an operation still pending after its deadline is a failure (ETIMEDOUT), answered in time', async () => {
    const failed = jest.fn(() => undefined)
    const store = guardStore({ get: never, set: never, delete: never }, failed, () => 50)
    const started = performance.now()
    expect(await store.get()).toBeUndefined()
    expect(performance.now() - started).toBeLessThan(2000)
    expect(failed).toHaveBeenCalledWith('get', 'ETIMEDOUT')
  })

  test('a store that throws instead of rejecting fails like one that rejects', async () => {
    const failed = jest.fn(() => undefined)
    const throwing = () => {
      throw Object.assign(new Error('SET k secret-value'), { code: 'ECONNRESET' })
    }
    const store = guardStore({ get: throwing, set: throwing, delete: throwing }, failed, () => 1000)
    await store.set()
    expect(failed).toHaveBeenCalledWith('set', 'ECONNRESET')
  })

  test('an answer in time is the answer, and its timer is cleared', async () => {
    jest.useFakeTimers()
    try {
      const store = guardStore(
        { get: async () => 'value', set: never, delete: never },
        () => undefined,
        () => 1000,
      )
      expect(await store.get()).toBe('value')
      expect(jest.getTimerCount()).toBe(0)
    } finally {
      jest.useRealTimers()
    }
  })
})

test('storeTimeoutMs is 1000 unless set, and must be a finite number > 0', () => {
  expect(storeTimeout(undefined)).toBe(1000)
  expect(storeTimeout(250)).toBe(250)
  for (const bad of [0, -1, Number.NaN, Infinity, '1000']) expect(() => storeTimeout(bad)).toThrow(TypeError)
})

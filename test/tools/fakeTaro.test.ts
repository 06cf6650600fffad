import Taro from '@tarojs/taro'
import { calls, configureHost, emitAppShow, resetFakeTaro, setMode, setPlatform } from '../../tools/fake-taro'

// The kit's tests stand on these modes behaving like the real hosts.
type Api = (options?: Record<string, unknown>) => Promise<unknown>
const api = (name: string) => (Taro as unknown as Record<string, Api | undefined>)[name]

function withCallbacks(name: string) {
  const seen: string[] = []
  const returned = api(name)!({
    success: (r: unknown) => seen.push(`success ${JSON.stringify(r)}`),
    fail: (r: unknown) => seen.push(`fail ${JSON.stringify(r)}`),
    complete: () => seen.push('complete'),
  })
  return { seen, returned }
}

beforeEach(() => resetFakeTaro())

describe('weapp mode', () => {
  it('promisifies and still calls the callbacks on success', async () => {
    const { seen, returned } = withCallbacks('getGroupEnterInfo')
    await expect(returned).resolves.toMatchObject({ encryptedData: 'ZW5j', iv: 'aXY=' })
    expect(seen).toEqual([expect.stringMatching(/^success .*encryptedData/), 'complete'])
  })

  it('rejects the promise and calls fail with errCode on failure', async () => {
    configureHost({ getGroupEnterInfo: { fail: { errMsg: 'getGroupEnterInfo:fail invalid scene', errCode: 40097 } } })
    const { seen, returned } = withCallbacks('getGroupEnterInfo')
    await expect(returned).rejects.toEqual({ errMsg: 'getGroupEnterInfo:fail invalid scene', errCode: 40097 })
    expect(seen[0]).toMatch(/^fail .*40097/)
  })

  it('reports the enter options, base library and app shows', () => {
    expect(Taro.getEnterOptionsSync()).toMatchObject({ scene: 1008, chatType: 3 })
    expect(Taro.getSystemInfoSync().SDKVersion).toBe('3.8.0')
    const shown: unknown[] = []
    Taro.onAppShow((o) => shown.push(o))
    emitAppShow({ scene: 1044, shareTicket: 't' })
    expect(shown).toEqual([{ scene: 1044, shareTicket: 't' }])
    expect(Taro.getEnterOptionsSync()).toMatchObject({ scene: 1044 })
    expect(Taro.getEnv()).toBe('WEAPP')
  })
})

describe('h5-dev mode', () => {
  it('fails with 暂时不支持 API and reports scene 0', async () => {
    setMode('h5-dev')
    const { seen, returned } = withCallbacks('getGroupEnterInfo')
    await returned
    expect(seen).toEqual(['fail {"errMsg":"getGroupEnterInfo:fail 暂时不支持 API"}', 'complete'])
    expect(Taro.getEnterOptionsSync()).toMatchObject({ scene: 0, shareTicket: '' })
    expect(Taro.getEnv()).toBe('WEB')
  })

  it('rejects the promise when no fail callback is given, as Taro H5 does', async () => {
    setMode('h5-dev')
    await expect(api('getShareInfo')!({})).rejects.toEqual({ errMsg: 'getShareInfo:fail 暂时不支持 API' })
  })
})

describe('h5-prod mode', () => {
  it('"succeeds" with only an errMsg and no encryptedData', async () => {
    setMode('h5-prod')
    const { seen, returned } = withCallbacks('getGroupEnterInfo')
    await expect(returned).resolves.toEqual({ errMsg: '暂时不支持 API' })
    expect(seen).toEqual(['success {"errMsg":"暂时不支持 API"}', 'complete'])
  })
})

describe('missing mode', () => {
  it('has no group APIs at all', () => {
    setMode('missing')
    expect(api('getGroupEnterInfo')).toBeUndefined()
    expect(api('getShareInfo')).toBeUndefined()
    expect(typeof api('login')).toBe('function')
  })
})

describe('setPlatform', () => {
  it('names the target as Taro does, keeps the weapp APIs, and reset restores weapp', async () => {
    setPlatform('qq')
    expect(Taro.getEnv()).toBe('QQ')
    expect(process.env.TARO_ENV).toBe('qq')
    await expect(api('getShareInfo')!({ shareTicket: 'T' })).resolves.toMatchObject({ encryptedData: 'ZW5j' })
    resetFakeTaro()
    expect(Taro.getEnv()).toBe('WEAPP')
    expect(process.env.TARO_ENV).not.toBe('qq')
  })
})

it('records calls without the callbacks', async () => {
  await api('login')!({ timeout: 5 })
  expect(calls).toEqual([{ api: 'login', options: { timeout: 5 } }])
})

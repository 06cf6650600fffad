import { CLOCK_SKEW_SECONDS, checkPolicy, checkWatermark, type WatermarkPolicy } from '../../src/openData/watermark'
import { openDataFailure } from '../support/outcome'

const APP_ID = 'wx1234567890abcdef'
const NOW = Date.UTC(2030, 0, 1)
const nowSeconds = NOW / 1000

const codeOf = (json: Record<string, unknown>, policy: WatermarkPolicy) =>
  openDataFailure(() => checkWatermark(json, policy)).code

describe('checkWatermark', () => {
  const strict = { appId: APP_ID, maxAgeSeconds: 300, now: NOW }

  // getGroupEnterInfo data has no documented watermark: refusing it would refuse WeChat's own data.
  test.each([undefined, null])('a watermark of %p is accepted under the strictest policy', (watermark) => {
    expect(() => checkWatermark({ opengid: 'G', watermark }, strict)).not.toThrow()
  })

  test("a watermark with this server's appid and a fresh timestamp is accepted", () => {
    expect(() => checkWatermark({ watermark: { appid: APP_ID, timestamp: nowSeconds - 1 } }, strict)).not.toThrow()
  })

  test.each([
    ['another appid', { appid: 'wxsomeoneelse0000', timestamp: nowSeconds }],
    ['no appid', { timestamp: nowSeconds }],
    ['a watermark that is not an object', 'wx1234567890abcdef'],
  ])('%s is APPID_MISMATCH when appId is set', (_name, watermark) => {
    expect(codeOf({ watermark }, strict)).toBe('APPID_MISMATCH')
  })

  test('without appId or maxAgeSeconds, any present watermark is accepted', () => {
    expect(() => checkWatermark({ watermark: { appid: 'wxany', timestamp: 'then' } }, {})).not.toThrow()
  })

  test('age: exactly maxAgeSeconds old is accepted, one second older is EXPIRED', () => {
    const json = { watermark: { appid: APP_ID, timestamp: nowSeconds - 300 } }
    expect(() => checkWatermark(json, strict)).not.toThrow()
    expect(codeOf(json, { ...strict, now: NOW + 1000 })).toBe('EXPIRED')
  })

  test('maxAgeSeconds 0 accepts only data stamped this very second', () => {
    const policy = { maxAgeSeconds: 0, now: NOW }
    expect(() => checkWatermark({ watermark: { timestamp: nowSeconds } }, policy)).not.toThrow()
    expect(codeOf({ watermark: { timestamp: nowSeconds - 1 } }, policy)).toBe('EXPIRED')
  })

  test(`up to CLOCK_SKEW_SECONDS (${CLOCK_SKEW_SECONDS}) in the future is accepted; beyond is EXPIRED, naming the clock`, () => {
    const at = (timestamp: number) => ({ watermark: { appid: APP_ID, timestamp } })
    expect(() => checkWatermark(at(nowSeconds + CLOCK_SKEW_SECONDS), strict)).not.toThrow()
    const error = openDataFailure(() => checkWatermark(at(nowSeconds + CLOCK_SKEW_SECONDS + 1), strict))
    expect(error.code).toBe('EXPIRED')
    expect(error.message).toMatch(/server clock/)
  })

  test.each([
    ['absent', undefined],
    ['a numeric string', String(nowSeconds)],
    ['NaN', Number.NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
  ])('with maxAgeSeconds, a timestamp that is %s is EXPIRED: its age cannot be known', (_name, timestamp) => {
    expect(codeOf({ watermark: { appid: APP_ID, timestamp } }, strict)).toBe('EXPIRED')
  })

  test('without maxAgeSeconds the timestamp is not looked at', () => {
    expect(() => checkWatermark({ watermark: { appid: APP_ID, timestamp: 'x' } }, { appId: APP_ID })).not.toThrow()
  })

  test('without now, the real clock is used', () => {
    const fresh = { watermark: { timestamp: Math.floor(Date.now() / 1000) } }
    expect(() => checkWatermark(fresh, { maxAgeSeconds: 3600 })).not.toThrow()
    expect(codeOf({ watermark: { timestamp: 1 } }, { maxAgeSeconds: 3600 })).toBe('EXPIRED')
  })
})

describe('checkPolicy', () => {
  test('accepts no policy, maxAgeSeconds 0 and a finite now', () => {
    expect(() => checkPolicy({})).not.toThrow()
    expect(() => checkPolicy({ maxAgeSeconds: 0, now: NOW })).not.toThrow()
  })

  // NaN would make every age comparison false and let data of any age through.
  test.each([
    ['maxAgeSeconds NaN', { maxAgeSeconds: Number.NaN }],
    ['maxAgeSeconds Infinity', { maxAgeSeconds: Infinity }],
    ['maxAgeSeconds -1', { maxAgeSeconds: -1 }],
    ['maxAgeSeconds as a string', { maxAgeSeconds: '300' as unknown as number }],
    ['now NaN', { now: Number.NaN }],
    ['now Infinity', { now: Infinity }],
    ['now as a Date', { now: new Date(NOW) as unknown as number }],
  ])("%s is a TypeError: the server's own configuration is wrong, not the data", (_name, policy) => {
    expect(() => checkPolicy(policy)).toThrow(TypeError)
  })
})

import { createFakeWeChat } from '@opengid/server/dev'

export interface Payload {
  opengid: string
  sessionKey: string
  encryptedData: string
  iv: string
}

export const APP_ID = 'wx00000000000bench0'

/**
 * getShareInfo-shaped payloads (openGId plus a watermark), each under its own
 * user's session key as the fake WeChat issues them, so both decrypters do the
 * same appid check on the same bytes.
 */
export function makePayloads(count: number): Payload[] {
  const fake = createFakeWeChat({ appId: APP_ID, secret: 'bench-secret' })
  return Array.from({ length: count }, (_, i) => {
    const user = `bench-user-${i}`
    const opengid = `G_BENCH_${i}`
    const { encryptedData, iv } = fake.clientRequest(user, { opengid, source: 'getShareInfo' })
    return { opengid, sessionKey: fake.sessionKey(user) as string, encryptedData, iv }
  })
}

import { createGroupResolver, resolveCloudGroupInfo } from '@opengid/server'
import { createFakeWeChat, type FakeWeChat } from '@opengid/server/dev'
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { median, round } from '../stats'

const APP_ID = 'wx00000000000bench'
const GROUP = { opengid: 'G_LOAD' }
const ROUNDS = 5
const OPS = 2_000
const SESSIONS = 100

export interface InProcess {
  signTicketUs: number
  warmResolveUs: number
}

/** µs per call of `op`: the median of ROUNDS rounds of OPS sequential calls, after one round not counted. */
async function microsecondsPerCall(op: (i: number) => Promise<unknown>): Promise<number> {
  const rounds: number[] = []
  for (let round = 0; round <= ROUNDS; round++) {
    const start = performance.now()
    for (let i = 0; i < OPS; i++) await op(i)
    if (round > 0) rounds.push(((performance.now() - start) * 1000) / OPS)
  }
  return median(rounds)
}

/**
 * What one answer costs the server's CPU without HTTP around it: the ticket
 * signing alone, and a whole warm resolve (store hit in memory, decryption,
 * signing). Set against the HTTP rows' time per request, they tell what share
 * of a request is the kit's own work. The signing is measured through the
 * public API, as a cloud function pays it: resolveCloudGroupInfo signs the
 * handler's ticket after reading a payload WeChat already decrypted (a few
 * property reads), with a new options object per call.
 */
export async function measureInProcess(): Promise<InProcess> {
  const secret = randomBytes(16).toString('hex')
  const ticketSecret = randomBytes(32).toString('base64url')
  const fake = createFakeWeChat({ appId: APP_ID, secret })
  const wechat = await fake.listen()
  try {
    const cloudGroup = fake.openData(GROUP)
    const sign = (i: number) =>
      resolveCloudGroupInfo(cloudGroup, { appId: APP_ID, ticketSecret, openid: `openid-${i}` })
    const resolve = createGroupResolver({ appId: APP_ID, secret, ticketSecret, endpoint: wechat.url })
    const warm: ReturnType<FakeWeChat['sessionRequest']>[] = []
    for (let i = 0; i < SESSIONS; i++) {
      const { session } = await resolve(fake.clientRequest(`user-${i}`, GROUP))
      warm.push(fake.sessionRequest(`user-${i}`, session, GROUP))
    }
    return {
      signTicketUs: round(await microsecondsPerCall(sign), 1),
      warmResolveUs: round(await microsecondsPerCall((i) => resolve(warm[i % SESSIONS])), 1),
    }
  } finally {
    await wechat.close()
  }
}

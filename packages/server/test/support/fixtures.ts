import { createNodeHandler } from '@opengid/server'
import { createFakeWeChat, type FakeGroup, type FakeWeChat } from '@opengid/server/dev'
import { serve, type Served } from './serve'

export const APP_ID = 'wx1234567890abcdef'
export const SECRET = 'test-secret-0123456789abcdef'
export const TICKET_SECRET = 'test-ticket-secret-0123456789abcdef-ghijklmnop'

/** What every resolver and handler in the suite needs; spread it and add the rest. */
export const CREDENTIALS = { appId: APP_ID, secret: SECRET, ticketSecret: TICKET_SECRET }

export function makeFake(rotateSessionKeyOnLogin?: boolean): FakeWeChat {
  return createFakeWeChat({ appId: APP_ID, secret: SECRET, rotateSessionKeyOnLogin })
}

/**
 * The suite's fake WeChat (by default makeFake()), serving its APIs on loopback
 * from beforeAll to afterAll. Call it at the top of a file or describe block;
 * `url` is known once the suite's later beforeAll hooks run.
 */
export function servedFake(fake: FakeWeChat = makeFake()): { fake: FakeWeChat; readonly url: string } {
  let served: Served | undefined
  beforeAll(async () => {
    served = await fake.listen()
  })
  afterAll(() => served?.close())
  return {
    fake,
    get url() {
      if (!served)
        throw new Error('servedFake(): the fake WeChat is not listening yet (use its url inside a hook or test)')
      return served.url
    },
  }
}

/**
 * servedFake() and createNodeHandler with the suite's credentials in front of it, both
 * on loopback from beforeAll to afterAll: `url` is the handler's.
 */
export function servedHandler(): { fake: FakeWeChat; readonly url: string } {
  const wechat = servedFake()
  let api: Served | undefined
  beforeAll(async () => {
    api = await serve(createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url }))
  })
  afterAll(() => api?.close())
  return {
    fake: wechat.fake,
    get url() {
      if (!api) throw new Error('servedHandler(): not listening yet (use its url inside a hook or test)')
      return api.url
    },
  }
}

let users = 0

/** A user id no other test uses, so codes and session keys never collide. */
export function newUser(): string {
  users += 1
  return `user-${users}`
}

/** Both secrets and every session key the fake handed out, replaced ones too: none may appear in an answer. */
export function secretsOf(fake: FakeWeChat): string[] {
  return [SECRET, TICKET_SECRET, ...fake.issuedSessionKeys]
}

/** A fresh user's request in the safe order a client must follow. */
export function clientBody(fake: FakeWeChat, group: FakeGroup) {
  return fake.clientRequest(newUser(), group)
}

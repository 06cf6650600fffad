import { createFakeWeChat, type FakeGroup, type FakeWeChat } from '@opengid/server/dev'

export const APP_ID = 'wx1234567890abcdef'
export const SECRET = 'test-secret-0123456789abcdef'

export function makeFake(rotateSessionKeyOnLogin?: boolean): FakeWeChat {
  return createFakeWeChat({ appId: APP_ID, secret: SECRET, rotateSessionKeyOnLogin })
}

let users = 0

/** A user id no other test uses, so codes and session keys never collide. */
export function newUser(): string {
  users += 1
  return `user-${users}`
}

/** The secret and every session key the fake handed out, replaced ones too: none may appear in an answer. */
export function secretsOf(fake: FakeWeChat): string[] {
  return [SECRET, ...fake.issuedSessionKeys]
}

/** A fresh user's request in the safe order a client must follow. */
export function clientBody(fake: FakeWeChat, group: FakeGroup) {
  return fake.clientRequest(newUser(), group)
}

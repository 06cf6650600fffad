import { createFakeWeChat, type FakeGroup, type FakeWeChat } from '@opengid/server/dev'

export const APP_ID = 'wx1234567890abcdef'
export const SECRET = 'test-secret-0123456789abcdef'

export function makeFake(rotateSessionKeyOnLogin?: boolean): FakeWeChat {
  return createFakeWeChat({ appId: APP_ID, secret: SECRET, rotateSessionKeyOnLogin })
}

/** Every user a test made, to check afterwards that no session key leaked. */
export const knownUsers: string[] = []

/** A user id no other test uses, so codes and session keys never collide. */
export function newUser(): string {
  const user = `user-${knownUsers.length + 1}`
  knownUsers.push(user)
  return user
}

/** The secret and every session key the fake handed out: none may appear in an answer. */
export function secretsOf(fake: FakeWeChat): string[] {
  const keys = knownUsers.map((user) => fake.sessionKey(user)).filter((key): key is string => key !== undefined)
  return [SECRET, ...keys]
}

/** Logs a fresh user in first, then encrypts the group: the safe order a client must follow. */
export function clientBody(fake: FakeWeChat, group: FakeGroup, user = newUser()) {
  const code = fake.login(user)
  const data = fake.encryptGroup(user, group)
  return { code, ...data, source: group.source ?? 'getGroupEnterInfo' }
}

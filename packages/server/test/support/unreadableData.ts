import { encryptOpenData, type EncryptedOpenData, type FakeWeChat } from '@opengid/server/dev'
import { newUser } from './fixtures'

const nowSeconds = () => Math.floor(Date.now() / 1000)

/**
 * Data that reaches decryption under `user`'s current key and fails there or
 * after: one case for each check past the key. A handler must answer all of
 * them alike (with maxAgeSeconds set, for the watermark's age).
 */
export const UNREADABLE: [string, (fake: FakeWeChat, user: string) => EncryptedOpenData][] = [
  ['bad padding (made under another key)', (fake) => fake.encryptGroup(newUser(), { opengid: 'G-other' })],
  ['not a JSON object', (fake, user) => encryptOpenData(keyOf(fake, user), 'just a string')],
  ['no group', (fake, user) => encryptOpenData(keyOf(fake, user), { chat_type: 3 })],
  [
    'a single chat the request did not allow (no allowSingleChat)',
    (fake, user) => encryptOpenData(keyOf(fake, user), { opengid: '', open_single_roomid: 'room-1', chat_type: 1 }),
  ],
  ['an opengid of the wrong shape', (fake, user) => encryptOpenData(keyOf(fake, user), { opengid: 'G"><img>' })],
  [
    'a group_openid of the wrong shape',
    (fake, user) => encryptOpenData(keyOf(fake, user), { opengid: 'G-ok', group_openid: 'x'.repeat(65) }),
  ],
  [
    'a watermark of another app',
    (fake, user) => fake.encryptGroup(user, { opengid: 'G', watermark: true, appId: 'wxother0000000000' }),
  ],
  [
    'a watermark too old',
    (fake, user) => fake.encryptGroup(user, { opengid: 'G', watermark: true, timestamp: nowSeconds() - 3600 }),
  ],
]

function keyOf(fake: FakeWeChat, user: string): string {
  const key = fake.sessionKey(user)
  if (key === undefined) throw new Error(`${user} has no session key: log them in first`)
  return key
}

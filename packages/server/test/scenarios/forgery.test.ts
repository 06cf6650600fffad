import { createCipheriv, randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { decryptGroupInfo, GROUP_ID_PATTERN, OpenDataError, verifyGroupTicket } from '@opengid/server'
import { APP_ID, TICKET_SECRET, newUser, servedHandler } from '../support/fixtures'
import { postJson, type Answer } from '../support/http'
import { outcome } from '../support/outcome'

/**
 * The forgeries AES-CBC allows a client that knows its own plaintext (it does: the
 * handler told it its opengid): flipping iv bits rewrites the first 16-byte block at
 * will, and any run of ciphertext blocks, with the block before it as the iv,
 * decrypts to the same run of plaintext. Everything these tests send is the
 * client's own genuine data, altered.
 */

const BLOCK = 16
// 28 characters, like WeChat's opengids.
const OPENGID = 'GxH3aBc9dEfGhIjKlMnOpQrStUvW'
const PAYLOAD = { opengid: OPENGID, open_single_roomid: '', group_openid: '', chat_type: 3 }
const PLAINTEXT = pkcs7(Buffer.from(JSON.stringify(PAYLOAD)))

const api = servedHandler()
const { fake } = api

function pkcs7(bytes: Buffer): Buffer {
  const pad = BLOCK - (bytes.length % BLOCK)
  return Buffer.concat([bytes, Buffer.alloc(pad, pad)])
}

const xor = (...parts: Buffer[]) => Buffer.from(parts[0].map((_, i) => parts.reduce((acc, part) => acc ^ part[i], 0)))
const block = (bytes: Buffer, index: number) => bytes.subarray(index * BLOCK, (index + 1) * BLOCK)
const blocks = PLAINTEXT.length / BLOCK

/** A user's genuine data: the payload encrypted with the key of a fresh login, and that login's code. */
function genuine(sessionKey: Buffer) {
  const iv = randomBytes(BLOCK)
  const cipher = createCipheriv('aes-128-cbc', sessionKey, iv).setAutoPadding(false)
  return { iv, ciphertext: Buffer.concat([cipher.update(PLAINTEXT), cipher.final()]) }
}

/**
 * Sends ciphertext blocks [from, to) of a fresh user's genuine data, with the iv
 * chosen so that the first block sent decrypts to `firstBlock` (default: what it
 * decrypts to anyway).
 */
async function forge(from: number, to: number, firstBlock?: Buffer): Promise<Answer> {
  const user = newUser()
  const code = fake.login(user)
  const { iv, ciphertext } = genuine(Buffer.from(fake.sessionKey(user) ?? '', 'base64'))
  const previous = from === 0 ? iv : block(ciphertext, from - 1)
  const forgedIv = firstBlock === undefined ? previous : xor(previous, block(PLAINTEXT, from), firstBlock)
  return postJson(api.url, {
    code,
    iv: forgedIv.toString('base64'),
    encryptedData: ciphertext.subarray(from * BLOCK, to * BLOCK).toString('base64'),
  })
}

const refused = (answer: Answer) =>
  expect({ status: answer.status, code: answer.json.error?.code }).toEqual({ status: 400, code: 'DECRYPT' })

test('the genuine data resolves (the forgeries below start from it)', async () => {
  expect((await forge(0, blocks)).json.opengid).toBe(OPENGID)
})

test.each(Array.from({ length: blocks - 1 }, (_, k) => k + 1))(
  'dropping the last %i block(s) is refused: the new last block is no PKCS#7 padding',
  async (dropped) => {
    refused(await forge(0, blocks - dropped))
  },
)

test.each(Array.from({ length: blocks - 1 }, (_, j) => j + 1))(
  'starting at block %i with the block before it as the iv is refused: the JSON starts mid-way',
  async (from) => {
    refused(await forge(from, blocks))
  },
)

test.each([' ', '"', '<', '.', '/', '+', '=', '\\', '\u007f', '\u0000'])(
  'an iv that writes %j into the opengid is refused: no id holds it',
  async (character) => {
    const firstBlock = Buffer.from(`{"opengid":"${character.repeat(4)}`, 'latin1')
    refused(await forge(0, blocks, firstBlock))
    // The same first block over any later run of blocks.
    for (let from = 1; from < blocks; from++) refused(await forge(from, blocks, firstBlock))
  },
)

test('an iv that writes bytes over 0x7f is refused: the plaintext is no longer UTF-8', async () => {
  refused(await forge(0, blocks, Buffer.from([0x7b, 0x22, ...Buffer.from('opengid":"'), 0xc3, 0x28, 0xff, 0x80])))
})

describe('what remains possible in principle (docs: Trusting the ticket, Security notes)', () => {
  test('an iv can set the first 4 opengid characters to other id characters; the other 24 stay the genuine ones', () => {
    // Pure, many runs: an iv rewriting the 4 characters into id and non-id characters alike.
    const key = randomBytes(16)
    const { iv, ciphertext } = genuine(key)
    const character = fc.constantFrom(...'aZ09_-"\\ <.'.split(''))
    const seen = { forged: 0, refused: 0 }
    fc.assert(
      fc.property(fc.array(character, { minLength: 4, maxLength: 4 }), (chosen) => {
        const firstBlock = Buffer.from(`{"opengid":"${chosen.join('')}`)
        const forgedIv = xor(iv, block(PLAINTEXT, 0), firstBlock)
        const result = outcome(() =>
          decryptGroupInfo({
            sessionKey: key.toString('base64'),
            iv: forgedIv.toString('base64'),
            encryptedData: ciphertext.toString('base64'),
          }),
        )
        if (result instanceof OpenDataError) {
          seen.refused += 1
        } else {
          seen.forged += 1
          expect(result.opengid).toMatch(GROUP_ID_PATTERN)
          expect(result.opengid).toBe(chosen.join('') + OPENGID.slice(4))
        }
      }),
      { numRuns: 1000, seed: 20261124 },
    )
    // Both outcomes happened, so the checks above were not vacuous.
    expect(seen.forged).toBeGreaterThan(0)
    expect(seen.refused).toBeGreaterThan(0)
  })

  test('such an id gets a ticket, under the forger’s own openid: nothing a 200 did not already say', async () => {
    const answer = await forge(0, blocks, Buffer.from('{"opengid":"EVIL'))
    expect(answer.json.opengid).toBe(`EVIL${OPENGID.slice(4)}`)
    const claims = await verifyGroupTicket(answer.json.ticket, { ticketSecret: TICKET_SECRET, appId: APP_ID })
    expect(claims.opengid).toBe(answer.json.opengid)
    expect(fake.userOf(claims.openid)).toMatch(/^user-/)
  })

  test('the last block alone, with a chosen iv, can carry a whole short payload: an opengid of 1 to 4 id characters', async () => {
    const answer = await forge(blocks - 1, blocks, Buffer.from('{"opengid":"A"}\u0001'))
    expect(answer.json.opengid).toBe('A')
  })
})

import { randomBytes } from 'node:crypto'
import { MAX_CIPHERTEXT_BYTES, OpenDataError } from '@opengid/server'
import { decodeCipherInput, decodeSessionKey } from '../../src/openData/cipherInput'
import { openDataFailure } from '../support/outcome'

const base64Of = (bytes: number) => randomBytes(bytes).toString('base64')
const IV = base64Of(16)

describe('decodeCipherInput', () => {
  test('decodes a ciphertext of whole 16-byte blocks and an iv of 16 bytes', () => {
    const ciphertext = randomBytes(48)
    const iv = randomBytes(16)
    expect(decodeCipherInput(ciphertext.toString('base64'), iv.toString('base64'))).toEqual({ ciphertext, iv })
  })

  test("reads spaces as '+', as form encoding leaves them", () => {
    const ciphertext = Buffer.alloc(16, 0xfb) // base64 '+/v7+/v7...': full of '+'
    const sent = ciphertext.toString('base64').replace(/\+/g, ' ')
    expect(decodeCipherInput(sent, IV).ciphertext).toEqual(ciphertext)
  })

  test(`a ciphertext of exactly MAX_CIPHERTEXT_BYTES (${MAX_CIPHERTEXT_BYTES}) is accepted; one block more is not`, () => {
    expect(decodeCipherInput(base64Of(MAX_CIPHERTEXT_BYTES), IV).ciphertext).toHaveLength(MAX_CIPHERTEXT_BYTES)
    const error = openDataFailure(() => decodeCipherInput(base64Of(MAX_CIPHERTEXT_BYTES + 16), IV))
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toBe(`encryptedData is larger than ${MAX_CIPHERTEXT_BYTES} bytes`)
  })

  test.each([
    ['a number', 42, IV, 'encryptedData must be a string'],
    ['absent', undefined, IV, 'encryptedData must be a string'],
    ['a Buffer', randomBytes(16), IV, 'encryptedData must be a string'],
    ['empty', '', IV, 'encryptedData must decode to a non-empty multiple of 16 bytes'],
    ['15 bytes', base64Of(15), IV, 'encryptedData must decode to a non-empty multiple of 16 bytes'],
    ['17 bytes', base64Of(17), IV, 'encryptedData must decode to a non-empty multiple of 16 bytes'],
    ['URL-safe base64', '-_'.repeat(12), IV, 'encryptedData is not standard base64'],
    ['base64 with a line break', `${base64Of(12)}\n${base64Of(3)}`, IV, 'encryptedData is not standard base64'],
  ])('encryptedData that is %s is BAD_INPUT, saying why', (_name, encryptedData, iv, message) => {
    const error = openDataFailure(() => decodeCipherInput(encryptedData, iv))
    expect(error).toBeInstanceOf(OpenDataError)
    expect(error).toMatchObject({ code: 'BAD_INPUT', message })
  })

  test.each([
    ['a number', 16],
    ['null', null],
    ['empty', ''],
    ['15 bytes', base64Of(15)],
    ['17 bytes', base64Of(17)],
    ['24 bytes (32 characters)', base64Of(24)],
    ['16 bytes followed by more text', `${IV}${'A'.repeat(12)}`],
    ['not base64', '!'.repeat(24)],
  ])('an iv that is %s is BAD_INPUT', (_name, iv) => {
    expect(openDataFailure(() => decodeCipherInput(base64Of(16), iv)).code).toBe('BAD_INPUT')
  })
})

describe('decodeSessionKey', () => {
  test('decodes a key of 16 bytes', () => {
    const key = randomBytes(16)
    expect(decodeSessionKey(key.toString('base64'))).toEqual(key)
  })

  // BAD_KEY, not BAD_INPUT: the key is the server's own (from code2Session), not the client's input.
  test.each([
    ['a number', 16],
    ['absent', undefined],
    ['empty', ''],
    ['15 bytes', base64Of(15)],
    ['24 bytes', base64Of(24)],
    ['longer than 32 characters', base64Of(33)],
    ['not base64', 'not a key at all!!!!!!!!'],
  ])('a key that is %s is BAD_KEY', (_name, sessionKey) => {
    expect(openDataFailure(() => decodeSessionKey(sessionKey)).code).toBe('BAD_KEY')
  })

  test('the error never quotes the key: it is a secret even when it is the wrong length', () => {
    const nearlyKey = base64Of(17)
    const error = openDataFailure(() => decodeSessionKey(nearlyKey))
    expect([error.message, String(error.stack), JSON.stringify(error)].join('\n')).not.toContain(nearlyKey)
  })
})

import { createCipheriv, randomBytes } from 'node:crypto'

export interface EncryptedOpenData {
  encryptedData: string
  iv: string
}

/**
 * Encrypts a payload as WeChat encrypts open data: JSON, AES-128-CBC with
 * PKCS#7 padding, a fresh random iv, base64 out. For fakes and tests.
 */
export function encryptOpenData(sessionKey: string, payload: unknown): EncryptedOpenData {
  const iv = randomBytes(16)
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv)
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()])
  return { encryptedData: encrypted.toString('base64'), iv: iv.toString('base64') }
}

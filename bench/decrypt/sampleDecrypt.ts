import { createDecipheriv } from 'node:crypto'

interface SampleOpenData {
  watermark: { appid: string; timestamp: number }
  [key: string]: unknown
}

/**
 * How WeChat's own Node sample (WXBizDataCrypt) decrypts open data, rewritten
 * here from its description as the baseline: base64 straight into Buffers,
 * AES-128-CBC with automatic padding, update + final into a UTF-8 string,
 * JSON.parse, then the watermark's appid must equal this app's. It validates
 * nothing else: no base64 alphabet or length checks, no strict UTF-8, and it
 * needs a watermark to be there at all.
 */
export function sampleDecrypt(appId: string, sessionKey: string, encryptedData: string, iv: string): SampleOpenData {
  let decoded: SampleOpenData
  try {
    const decipher = createDecipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), Buffer.from(iv, 'base64'))
    decipher.setAutoPadding(true)
    const text = decipher.update(Buffer.from(encryptedData, 'base64'), undefined, 'utf8') + decipher.final('utf8')
    decoded = JSON.parse(text) as SampleOpenData
  } catch {
    throw new Error('Illegal Buffer')
  }
  if (decoded.watermark.appid !== appId) throw new Error('Illegal Buffer')
  return decoded
}

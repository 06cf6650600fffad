const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * Decodes padded standard base64, or returns undefined. Buffer.from alone
 * would silently skip bad characters and decode garbage, so the alphabet is
 * checked first. A '+' sent through form or query encoding arrives as a
 * space, so spaces are read back as '+'.
 */
export function decodeBase64(value: string): Buffer | undefined {
  const repaired = value.replace(/ /g, '+')
  return STANDARD_BASE64.test(repaired) ? Buffer.from(repaired, 'base64') : undefined
}

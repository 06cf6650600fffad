/**
 * Decodes padded standard base64, or returns undefined. Buffer.from skips
 * characters outside the alphabet, so any such character (or a '=' before the
 * end) leaves the decoded length short of what the text length promises: checking
 * that length is the alphabet check, cheaper than matching the text against a pattern.
 * A '+' sent through form or query encoding arrives as a space, so spaces are
 * read back as '+'.
 */
export function decodeBase64(value: string): Buffer | undefined {
  const text = value.indexOf(' ') === -1 ? value : value.replace(/ /g, '+')
  // Node's decoder also accepts the URL-safe alphabet's '-' and '_', and reads only the low
  // byte of a wider character ('中' is 0x4E2D, so it would count as '-'): refuse both first.
  if (text.length % 4 !== 0 || text.indexOf('-') !== -1 || text.indexOf('_') !== -1) return undefined
  if (Buffer.byteLength(text, 'utf8') !== text.length) return undefined
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const bytes = Buffer.from(text, 'base64')
  return bytes.length === (text.length / 4) * 3 - padding ? bytes : undefined
}

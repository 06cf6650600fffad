import { isRecord } from '../shared/isRecord'

/**
 * A value a store answered, as the object to read a record's fields from: Redis
 * answers text, which is parsed; a custom store may answer the object itself.
 * Anything that is not a JSON object (another app's key, a truncated write) is
 * undefined, which every store's reader takes for nothing stored.
 */
export function storedObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'string') return isRecord(value) ? value : undefined
  try {
    const parsed: unknown = JSON.parse(value)
    return isRecord(parsed) ? parsed : undefined
  } catch {
    return undefined
  }
}

import { instanceOfBrand } from '../shared/brand'

const OPEN_DATA_ERROR: unique symbol = Symbol.for('opengid.OpenDataError')

/** Why open data could not be turned into a result. Stable: programs branch on it. */
export type OpenDataErrorCode =
  'BAD_INPUT' | 'BAD_KEY' | 'DECRYPT' | 'NOT_JSON' | 'APPID_MISMATCH' | 'EXPIRED' | 'NO_GROUP'

/**
 * A failure to read WeChat open data. Messages name the field at fault but
 * never carry the session key or the decrypted plaintext.
 */
export class OpenDataError extends Error {
  /** True for an OpenDataError of any copy of this package (CJS, ESM, another version). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return instanceOfBrand(this, OpenDataError, OPEN_DATA_ERROR, value)
  }

  readonly code: OpenDataErrorCode
  /** WeChat's own errCode when WeChat reported the failure (a cloudID's -601006 "cloudID expired."). */
  readonly errCode?: number

  constructor(code: OpenDataErrorCode, message: string, errCode?: number) {
    super(message)
    this.name = 'OpenDataError'
    this.code = code
    if (errCode !== undefined) this.errCode = errCode
  }

  get [OPEN_DATA_ERROR](): true {
    return true
  }
}

/** Malformed client input. The dev server's fake endpoints use it too, so they answer like the real one. */
export function badInput(message: string): OpenDataError {
  return new OpenDataError('BAD_INPUT', message)
}

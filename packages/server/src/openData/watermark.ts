import { isRecord } from '../shared/isRecord'
import { isFiniteAtLeast } from '../shared/optionChecks'
import { OpenDataError } from './OpenDataError'

/** How far in the future a watermark may be before the server's clock is doubted. */
export const CLOCK_SKEW_SECONDS = 60

export interface WatermarkPolicy {
  /** When set, a present watermark must carry this appid. */
  appId?: string
  /** When set, a present watermark must be at most this old. */
  maxAgeSeconds?: number
  /** The current time in milliseconds since the epoch, like Date.now(). */
  now?: number
}

/**
 * WeChat documents no watermark for getGroupEnterInfo, so an absent one is
 * accepted; a present one is checked in full. A timestamp more than
 * CLOCK_SKEW_SECONDS in the future fails as EXPIRED: the data cannot be
 * shown to be fresh, and the remedy (fetch it again) is the same.
 */
export function checkWatermark(json: Record<string, unknown>, policy: WatermarkPolicy): void {
  if (json.watermark === undefined || json.watermark === null) return
  const watermark = isRecord(json.watermark) ? json.watermark : {}

  if (policy.appId !== undefined && watermark.appid !== policy.appId) {
    throw new OpenDataError(
      'APPID_MISMATCH',
      "the data's watermark names another Mini Program than this server's appId",
    )
  }
  if (policy.maxAgeSeconds === undefined) return

  const timestamp = watermark.timestamp
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) {
    throw new OpenDataError('EXPIRED', "the data's watermark has no timestamp, so its age cannot be checked")
  }
  const nowSeconds = (policy.now === undefined ? Date.now() : policy.now) / 1000
  if (timestamp > nowSeconds + CLOCK_SKEW_SECONDS) {
    throw new OpenDataError(
      'EXPIRED',
      `the data's watermark is more than ${CLOCK_SKEW_SECONDS} s in the future: check the server clock`,
    )
  }
  if (nowSeconds - timestamp > policy.maxAgeSeconds) {
    throw new OpenDataError('EXPIRED', `the data is older than ${policy.maxAgeSeconds} s: fetch it again`)
  }
}

/**
 * The policy is the server's own configuration, so a mistake in it is a
 * TypeError, not an answer about the data: NaN would make every age
 * comparison false and let data of any age through.
 */
export function checkPolicy({ maxAgeSeconds, now }: WatermarkPolicy): void {
  if (maxAgeSeconds !== undefined && !isFiniteAtLeast(maxAgeSeconds, 0)) {
    throw new TypeError('maxAgeSeconds must be a finite number >= 0')
  }
  if (now !== undefined && !(typeof now === 'number' && Number.isFinite(now))) {
    throw new TypeError('now must be a finite number of ms since the epoch')
  }
}

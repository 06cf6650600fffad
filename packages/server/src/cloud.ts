import { OpenDataError } from './errors'
import { groupFromPayload } from './groupFromPayload'
import { isRecord } from './isRecord'
import type { ResolvedGroup } from './types'
import { checkWatermark, type WatermarkPolicy } from './watermark'

/** What a cloud function receives for a top-level `Taro.cloud.CloudID(cloudID)` field. */
export type CloudGroupInfo =
  { cloudID: string; data: Record<string, unknown> } | { cloudID: string; errCode: number; errMsg: string }

/** WeChat's errCode for a cloudID older than its 5 minutes. */
export const CLOUD_ID_EXPIRED = -601006

/**
 * Reads the group from open data WeChat already decrypted for a cloud
 * function. An expired cloudID throws EXPIRED with `errCode` -601006 kept, so
 * the function can pass it on and the client can recognise it. `policy` adds
 * the same optional watermark checks as decryptOpenData.
 */
export function resolveCloudGroupInfo(groupInfo: unknown, policy: WatermarkPolicy = {}): ResolvedGroup {
  if (!isRecord(groupInfo)) {
    throw new OpenDataError(
      'BAD_INPUT',
      'groupInfo must be the object WeChat makes of Taro.cloud.CloudID(cloudID) passed as a top-level field of callFunction data',
    )
  }
  const { errCode, data } = groupInfo
  if (typeof errCode === 'number' && errCode !== 0) {
    if (errCode === CLOUD_ID_EXPIRED) {
      throw new OpenDataError(
        'EXPIRED',
        'the cloudID has expired (it is valid for 5 minutes): get the group info again',
        errCode,
      )
    }
    throw new OpenDataError('BAD_INPUT', `WeChat could not resolve the cloudID (errCode ${errCode})`, errCode)
  }
  if (!isRecord(data)) throw new OpenDataError('BAD_INPUT', 'groupInfo has no data object')
  checkWatermark(data, policy)
  return groupFromPayload(data)
}

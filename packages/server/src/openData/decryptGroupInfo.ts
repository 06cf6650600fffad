import { decryptOpenData, type DecryptOpenDataOptions } from './decryptOpenData'
import { groupFromPayload } from './groupFromPayload'
import type { ResolvedGroup } from '../shared/wire'

/** Decrypts a getGroupEnterInfo or getShareInfo payload into its group. */
export function decryptGroupInfo(options: DecryptOpenDataOptions): ResolvedGroup {
  return groupFromPayload(decryptOpenData(options))
}

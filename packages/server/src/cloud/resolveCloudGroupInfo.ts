import { groupFromPayload } from '../openData/groupFromPayload'
import { OpenDataError } from '../openData/OpenDataError'
import { checkPolicy, checkWatermark, type WatermarkPolicy } from '../openData/watermark'
import type { GroupsOnly } from '../shared/groupsOnly'
import { isRecord } from '../shared/isRecord'
import { CLOUD_ID_EXPIRED, type GroupRoom, type GroupWithTicket, type ResolvedGroup } from '../shared/wire'
import type { TicketIssuerOptions } from '../ticket/issueGroupTicket'
import { issuerFor } from './issuerCache'

/** What a cloud function receives for a top-level `Taro.cloud.CloudID(cloudID)` field. */
export type CloudGroupInfo =
  { cloudID: string; data: Record<string, unknown> } | { cloudID: string; errCode: number; errMsg: string }

/**
 * The watermark checks, and whether single chats resolve: pass the `allowSingleChat`
 * that cloudResolver sends in the call's data (`event.allowSingleChat === true`).
 */
export type CloudPolicy = WatermarkPolicy & { allowSingleChat?: boolean }

export type CloudTicketOptions = TicketIssuerOptions &
  Omit<CloudPolicy, 'appId'> & {
    /** The caller's openid, from the cloud function's context (cloud.getWXContext().OPENID). */
    openid: string
  }

/**
 * Reads the room from open data WeChat already decrypted for a cloud
 * function (a single chat's only with `allowSingleChat`: without it the room
 * is typed a group's, `opengid: string`, as before rooms), and with
 * `{ ticketSecret, appId, openid }` signs the same group
 * ticket the HTTP handlers give (then it returns a promise). An expired cloudID
 * throws EXPIRED with `errCode` -601006 kept, so the function can pass it on and
 * the client can recognise it. `maxAgeSeconds` and `now` (and `appId`) add the
 * same watermark checks as decryptOpenData.
 */
export function resolveCloudGroupInfo(
  groupInfo: unknown,
  options: CloudTicketOptions & GroupsOnly,
): Promise<GroupWithTicket<GroupRoom>>
export function resolveCloudGroupInfo(groupInfo: unknown, options: CloudTicketOptions): Promise<GroupWithTicket>
export function resolveCloudGroupInfo(groupInfo: unknown, policy?: CloudPolicy & GroupsOnly): ResolvedGroup<GroupRoom>
export function resolveCloudGroupInfo(groupInfo: unknown, policy?: CloudPolicy): ResolvedGroup
export function resolveCloudGroupInfo(
  groupInfo: unknown,
  options: CloudPolicy | CloudTicketOptions = {},
): ResolvedGroup | Promise<GroupWithTicket> {
  const withTicket = 'ticketSecret' in options || 'ticketSecrets' in options || 'ticketKey' in options
  return withTicket ? cloudGroupWithTicket(groupInfo, options as CloudTicketOptions) : cloudGroup(groupInfo, options)
}

/** Async throughout, so every failure of the ticket form is a rejection. */
async function cloudGroupWithTicket(groupInfo: unknown, options: CloudTicketOptions): Promise<GroupWithTicket> {
  // Checked before the data, so a misconfigured function fails on every call, not only on good data.
  const issue = issuerFor(options)
  if (typeof options.openid !== 'string' || options.openid === '') {
    throw new TypeError("openid must be the caller's openid (cloud.getWXContext().OPENID)")
  }
  const group = cloudGroup(groupInfo, options)
  return { ...group, ...(await issue(options.openid, group, options.now)) }
}

function cloudGroup(groupInfo: unknown, policy: CloudPolicy): ResolvedGroup {
  checkPolicy(policy)
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
  return groupFromPayload(data, policy.allowSingleChat)
}

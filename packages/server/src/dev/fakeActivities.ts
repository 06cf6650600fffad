import { randomBytes } from 'node:crypto'
import { isRecord } from '../shared/isRecord'
import { wechatError, type FakeAnswer } from './fakeAnswer'

/** A dynamic message as the fake keeps it, for a test to read back. */
export interface FakeActivity {
  activityId: string
  /** Seconds since the epoch, 24 hours after creation. */
  expirationTime: number
  /** The sharer a private message was created for. */
  openid?: string
  unionid?: string
  /** 1 collecting (the initial state), 2 about to close, 3 ended. */
  targetState: 1 | 2 | 3
  /** The template and version of the last update, once there is one. */
  templateId?: string
  versionType?: 0 | 1 | 2
  /** The group_openids marked done, in the order they first were. */
  done: string[]
}

export interface FakeActivities {
  /** GET /cgi-bin/message/wxopen/activityid/create, once the token passed. */
  create(query: URLSearchParams): FakeAnswer
  /** POST /cgi-bin/message/wxopen/chattoolmsg/send, once the token passed. */
  send(body: unknown): FakeAnswer
  /** A copy of the activity, or undefined for an id the fake never made. */
  get(activityId: string): FakeActivity | undefined
}

const ACTIVITY_LIFE_SECONDS = 24 * 60 * 60

/**
 * activity_ids and the chat tool cards they stand for. WeChat documents no
 * errcodes of its own for these two APIs; the fake answers 47001 (data format
 * error, as WeChat does for a malformed body) for a field of the wrong shape
 * or a missing one, and 40097 (invalid args) for an activity_id it never made
 * or that has expired.
 */
export function fakeActivities(now: () => number): FakeActivities {
  const activities = new Map<string, FakeActivity>()
  const seconds = () => Math.floor(now() / 1000)

  return {
    create(query) {
      const activityId = `${activities.size + 1}_${randomBytes(36).toString('base64url')}`
      const activity: FakeActivity = {
        activityId,
        expirationTime: seconds() + ACTIVITY_LIFE_SECONDS,
        targetState: 1,
        done: [],
      }
      for (const name of ['openid', 'unionid'] as const) {
        const value = query.get(name)
        if (value !== null && value !== '') activity[name] = value
      }
      activities.set(activityId, activity)
      return { errcode: 0, errmsg: 'ok', activity_id: activityId, expiration_time: activity.expirationTime }
    },
    send(body) {
      const update = readUpdate(body)
      if (typeof update === 'string') return wechatError(47001, update)
      const activity = activities.get(update.activityId)
      if (activity === undefined || activity.expirationTime <= seconds()) {
        return wechatError(40097, 'invalid activity_id')
      }
      activity.targetState = update.targetState
      activity.templateId = update.templateId
      activity.versionType = update.versionType
      for (const member of update.done) if (!activity.done.includes(member)) activity.done.push(member)
      return { errcode: 0, errmsg: 'ok' }
    },
    get(activityId) {
      const activity = activities.get(activityId)
      return activity === undefined ? undefined : { ...activity, done: [...activity.done] }
    },
  }
}

interface Update {
  activityId: string
  targetState: 1 | 2 | 3
  templateId: string
  versionType: 0 | 1 | 2
  done: string[]
}

/** The body as an update, or what is wrong with it. */
function readUpdate(body: unknown): Update | string {
  if (!isRecord(body)) return 'the body is not a JSON object'
  const {
    activity_id: activityId,
    target_state: targetState,
    template_id: templateId,
    version_type: versionType,
    participator_info_list: list,
  } = body
  if (typeof activityId !== 'string' || activityId === '') return 'activity_id is required'
  if (targetState !== 1 && targetState !== 2 && targetState !== 3) return 'target_state must be 1, 2 or 3'
  if (typeof templateId !== 'string' || templateId === '') return 'template_id is required'
  if (versionType !== 0 && versionType !== 1 && versionType !== 2) return 'version_type must be 0, 1 or 2'
  const done = readParticipators(list, targetState)
  return typeof done === 'string' ? done : { activityId, targetState, templateId, versionType, done }
}

/** The group_openids participator_info_list marks done, or what is wrong with it. */
function readParticipators(list: unknown, targetState: number): string[] | string {
  if (list === undefined) return targetState === 1 ? 'participator_info_list is required with target_state 1' : []
  if (!Array.isArray(list) || list.length === 0) return 'participator_info_list must be a non-empty array'
  const done: string[] = []
  for (const participator of list) {
    const groupOpenid = isRecord(participator) ? participator.group_openid : undefined
    if (typeof groupOpenid !== 'string' || groupOpenid === '') return 'each participator needs a group_openid'
    if (participator.state !== 1) return 'a participator state can only be set to 1'
    done.push(groupOpenid)
  }
  return done
}

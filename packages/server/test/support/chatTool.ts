import {
  CHAT_TOOL_TEMPLATE_IDS,
  createAccessTokenCache,
  type AccessTokenCacheOptions,
  type ChatToolMessageUpdate,
} from '@opengid/server'
import { createFakeWeChat } from '@opengid/server/dev'
import { APP_ID, SECRET, servedFake } from './fixtures'
import { recordingFetch } from './recordingFetch'

export const STABLE_TOKEN = '/cgi-bin/stable_token'
export const CREATE = '/cgi-bin/message/wxopen/activityid/create'
export const SEND = '/cgi-bin/message/wxopen/chattoolmsg/send'
export const DAY_SECONDS = 24 * 60 * 60

/**
 * The suite's fake WeChat, serving the access token and chat tool APIs on a
 * clock the tests move instead of waiting. Each test starts a day later, when
 * the fake's last token has expired: each test starts afresh.
 */
export function chatToolSuite() {
  let clock = Date.UTC(2030, 0, 1)
  const now = () => clock
  const wechat = servedFake(createFakeWeChat({ appId: APP_ID, secret: SECRET, now }))
  beforeEach(() => {
    clock += DAY_SECONDS * 1000
  })

  /** A cache over the fake, and every request it makes. */
  function setup(options: Partial<AccessTokenCacheOptions> = {}) {
    const recorder = recordingFetch()
    const tokens = createAccessTokenCache({
      appId: APP_ID,
      secret: SECRET,
      endpoint: wechat.url,
      now,
      fetch: recorder.fetch,
      ...options,
    })
    return { tokens, ...recorder }
  }

  return { wechat, fake: wechat.fake, now, advance: (ms: number) => void (clock += ms), setup }
}

/** An update that marks `members` done on a card still collecting. */
export const collecting = (activityId: string, ...members: string[]): ChatToolMessageUpdate => ({
  activityId,
  targetState: 1,
  templateId: CHAT_TOOL_TEMPLATE_IDS.completed,
  participators: members.map((groupOpenid) => ({ groupOpenid })),
})

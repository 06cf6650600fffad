import type { FakeGroup } from '@opengid/server/dev'
import { fail, succeed, type Callbacks, type WxError } from './callbacks'
import type { Entry } from './entry'
import { later, type WxClient } from './wxClient'

type GroupSource = 'getGroupEnterInfo' | 'getShareInfo' | 'getChatToolInfo'

interface GroupOptions extends Callbacks<{ errMsg: string; encryptedData: string; iv: string }> {
  shareTicket?: string
}

/** A wx API that discloses the chat's group data, encrypted by the fake for this user. */
export function groupApi(client: WxClient, source: GroupSource) {
  return (options: GroupOptions): void => {
    // WeChat answers for the chat the app was in when asked, not when it answers.
    const { entry } = client.current()
    later(client, client.latency.bridge, () => {
      const outcome = groupOutcome(entry, source, options.shareTicket)
      if ('error' in outcome) fail(options, outcome.error)
      else succeed(options, { errMsg: `${source}:ok`, ...client.fake.encryptGroup(client.user, outcome.group) })
    })
  }
}

function groupOutcome(
  entry: Entry,
  source: GroupSource,
  shareTicket: string | undefined,
): { error: WxError } | { group: FakeGroup } {
  if (entry.fail) {
    const { errCode, reason = `errCode ${errCode}` } = entry.fail
    return { error: { errCode, errMsg: `${source}:fail ${reason}` } }
  }
  if (!entry.group) return { error: { errCode: 40097, errMsg: `${source}:fail invalid scene` } }
  if (source === 'getShareInfo' && shareTicket !== entry.shareTicket) {
    return { error: { errMsg: 'getShareInfo:fail invalid shareTicket' } }
  }
  // The chat the launch names is the chat the payload names, unless the test says otherwise.
  const chatType = entry.chatType === undefined ? {} : { chatType: entry.chatType }
  return { group: { ...chatType, ...entry.group, source } }
}

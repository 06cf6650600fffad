import Taro from '@tarojs/taro'
import {
  getChatToolInfo,
  GroupEnterError,
  notifyGroupMembers,
  notifyTitleLength,
  openChatTool,
  selectGroupMembers,
  shareAppMessageToGroup,
} from '@opengid/taro'

type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void; [key: string]: unknown }

const CHAT_TOOL_APIS = [
  'openChatTool',
  'getChatToolInfo',
  'selectGroupMembers',
  'notifyGroupMembers',
  'shareAppMessageToGroup',
] as const
const host = Taro as unknown as Record<string, unknown>

/** Installs a chat tool API as weapp's: it answers on a later tick through its callbacks. */
function install(
  api: (typeof CHAT_TOOL_APIS)[number],
  answer: (options: Callbacks) => { ok: unknown } | { fail: unknown },
) {
  const calls: Record<string, unknown>[] = []
  host[api] = (options: Callbacks) => {
    const { success, fail, ...rest } = options
    calls.push(rest)
    const outcome = answer(options)
    setTimeout(() => ('ok' in outcome ? success?.(outcome.ok) : fail?.(outcome.fail)), 0)
  }
  return calls
}

afterEach(() => CHAT_TOOL_APIS.forEach((api) => delete host[api]))

it('each wrapper passes its options to WeChat and resolves with what WeChat answered', async () => {
  const opened = install('openChatTool', () => ({ ok: { errMsg: 'openChatTool:ok' } }))
  await expect(openChatTool({ url: 'packageChatTool/pages/index', roomid: 'G1', chatType: 3 })).resolves.toBeUndefined()
  expect(opened).toEqual([{ url: 'packageChatTool/pages/index', roomid: 'G1', chatType: 3 }])

  install('getChatToolInfo', () => ({ ok: { errMsg: 'getChatToolInfo:ok', encryptedData: 'ZW5j', iv: 'aXY=' } }))
  await expect(getChatToolInfo()).resolves.toEqual({ encryptedData: 'ZW5j', iv: 'aXY=' })

  install('selectGroupMembers', () => ({ ok: { errMsg: 'selectGroupMembers:ok', members: ['m1', 'm2'] } }))
  await expect(selectGroupMembers({ maxSelectCount: 2 })).resolves.toEqual(['m1', 'm2'])

  const notified = install('notifyGroupMembers', () => ({ ok: { errMsg: 'notifyGroupMembers:ok' } }))
  const notice = {
    title: '周五聚餐投票',
    members: ['m1'],
    entrancePath: 'packageChatTool/pages/vote',
    type: 'participate' as const,
  }
  await expect(notifyGroupMembers(notice)).resolves.toBeUndefined()
  expect(notified).toEqual([notice])

  const shared = install('shareAppMessageToGroup', () => ({ ok: { errMsg: 'shareAppMessageToGroup:ok' } }))
  await expect(shareAppMessageToGroup({ title: 'Vote', path: '/packageChatTool/pages/vote' })).resolves.toBeUndefined()
  expect(shared).toEqual([{ title: 'Vote', path: '/packageChatTool/pages/vote' }])
})

it('keeps cloudID when WeChat gives one; an answer without encrypted data is UNSUPPORTED, as from an H5 stub', async () => {
  install('getChatToolInfo', () => ({ ok: { encryptedData: 'ZW5j', iv: 'aXY=', cloudID: 'cloud-1' } }))
  await expect(getChatToolInfo()).resolves.toEqual({ encryptedData: 'ZW5j', iv: 'aXY=', cloudID: 'cloud-1' })
  install('getChatToolInfo', () => ({ ok: { errMsg: 'getChatToolInfo:ok' } }))
  await expect(getChatToolInfo()).rejects.toMatchObject({ code: 'UNSUPPORTED' })
})

it('a host without the API (H5, other platforms, base library below 3.7.8) rejects with UNSUPPORTED', async () => {
  for (const call of [
    () => openChatTool({ url: 'p' }),
    () => getChatToolInfo(),
    () => selectGroupMembers(),
    () => notifyGroupMembers({ title: 't', members: [], entrancePath: 'p' }),
    () => shareAppMessageToGroup({ title: 't' }),
  ]) {
    await expect(call()).rejects.toMatchObject({ code: 'UNSUPPORTED' })
  }
  // Taro H5's stubs fail with '暂时不支持 API': the same answer.
  install('openChatTool', () => ({ fail: { errMsg: 'openChatTool:fail 暂时不支持 API' } }))
  await expect(openChatTool({ url: 'p' })).rejects.toMatchObject({ code: 'UNSUPPORTED' })
})

it("WeChat's own failure rejects with a GroupEnterError that keeps errCode and errMsg", async () => {
  install('selectGroupMembers', () => ({ fail: { errCode: -1, errMsg: 'selectGroupMembers:fail cancel' } }))
  const error = await selectGroupMembers().catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(GroupEnterError)
  expect(error).toMatchObject({ code: 'BRIDGE', errCode: -1, errMsg: 'selectGroupMembers:fail cancel' })
})

it('refuses bad input before calling WeChat: a long notice title, a room without its chat type', async () => {
  const notified = install('notifyGroupMembers', () => ({ ok: {} }))
  const opened = install('openChatTool', () => ({ ok: {} }))
  expect(notifyTitleLength('一二三四五六七八九十一二三四五')).toBe(30)
  expect(notifyTitleLength('abc')).toBe(3)
  await expect(
    notifyGroupMembers({ title: '一二三四五六七八九十一二三四五六', members: ['m1'], entrancePath: 'p' }),
  ).rejects.toThrow(TypeError)
  await expect(openChatTool({ url: 'p', roomid: 'G1' })).rejects.toThrow(TypeError)
  expect(notified).toEqual([])
  expect(opened).toEqual([])
})

import { DEFAULT_GROUP_SCENES, entryKey, planEntry } from '../../src/core/plan'
import { compareVersion } from '../../src/core/version'
import type { GroupEnterSource } from '../../src/core/types'

type Apis = Partial<Record<GroupEnterSource, boolean>>
const env = (sdkVersion: string | undefined, apis: Apis = { getGroupEnterInfo: true, getShareInfo: true }) => ({
  sdkVersion: () => sdkVersion,
  has: (api: GroupEnterSource) => !!apis[api],
  getChatToolInfo: apis.getChatToolInfo ? () => Promise.reject(new Error('not called by planEntry')) : undefined,
})
const config = { scenes: DEFAULT_GROUP_SCENES }

it('compares base library versions numerically', () => {
  expect(compareVersion('2.10.4', '2.9.0')).toBe(1)
  expect(compareVersion('2.17.3', '2.17.3')).toBe(0)
  expect(compareVersion('2.17', '2.17.3')).toBe(-1)
  expect(compareVersion('3.0.0', '2.99.99')).toBe(1)
})

// The decision table of docs/guide/versions.md, row by row.
it.each`
  sdk          | scene   | chatType     | shareTicket  | apis                                                | expected
  ${'3.5.0'}   | ${1001} | ${undefined} | ${undefined} | ${undefined}                                        | ${'none'}
  ${'3.5.0'}   | ${1007} | ${1}         | ${undefined} | ${undefined}                                        | ${'none'}
  ${'3.5.0'}   | ${1008} | ${3}         | ${undefined} | ${undefined}                                        | ${'getGroupEnterInfo'}
  ${'2.17.3'}  | ${1160} | ${undefined} | ${undefined} | ${undefined}                                        | ${'getGroupEnterInfo'}
  ${'3.5.0'}   | ${1096} | ${4}         | ${undefined} | ${undefined}                                        | ${'getGroupEnterInfo'}
  ${'2.12.0'}  | ${1158} | ${undefined} | ${undefined} | ${undefined}                                        | ${'getGroupEnterInfo'}
  ${'2.12.0'}  | ${1044} | ${3}         | ${'T'}       | ${undefined}                                        | ${'getShareInfo'}
  ${'2.12.0'}  | ${1008} | ${3}         | ${undefined} | ${undefined}                                        | ${'unsupported'}
  ${'2.9.0'}   | ${1044} | ${undefined} | ${'T'}       | ${undefined}                                        | ${'getShareInfo'}
  ${'2.9.0'}   | ${1158} | ${undefined} | ${undefined} | ${undefined}                                        | ${'unsupported'}
  ${'3.5.0'}   | ${1044} | ${3}         | ${'T'}       | ${{ getGroupEnterInfo: false, getShareInfo: true }} | ${'getShareInfo'}
  ${'3.5.0'}   | ${1008} | ${3}         | ${undefined} | ${{ getGroupEnterInfo: false, getShareInfo: true }} | ${'unsupported'}
  ${undefined} | ${1008} | ${3}         | ${undefined} | ${undefined}                                        | ${'getGroupEnterInfo'}
`(
  'base library $sdk, scene $scene, chatType $chatType, ticket $shareTicket → $expected',
  ({ sdk, scene, chatType, shareTicket, apis, expected }) => {
    expect(planEntry({ scene, chatType, shareTicket }, env(sdk, apis), config)).toBe(expected)
  },
)

it('counts single-chat launches only with allowSingleChat, from base library 3.7.8', () => {
  const single = { scene: 1007, chatType: 1 }
  expect(planEntry(single, env('3.8.0'), { ...config, allowSingleChat: true })).toBe('getGroupEnterInfo')
  expect(planEntry(single, env('3.7.0'), { ...config, allowSingleChat: true })).toBe('unsupported')
})

it('honours a custom scene list', () => {
  expect(planEntry({ scene: 1096 }, env('3.5.0'), { scenes: [1096] })).toBe('getGroupEnterInfo')
  expect(planEntry({ scene: 1008 }, env('3.5.0'), { scenes: [1096] })).toBe('none')
})

describe('inside the chat tool', () => {
  const weapp = { getGroupEnterInfo: true, getShareInfo: true, getChatToolInfo: true }
  const chatTool = { scene: 1008, chatType: 3, apiCategory: 'chatTool' }

  it.each`
    why                                         | sdk          | options                                                 | apis                           | mode          | expected
    ${"WeChat's apiCategory says so"}           | ${'3.8.0'}   | ${chatTool}                                             | ${weapp}                       | ${undefined}  | ${'getChatToolInfo'}
    ${'the provider says so (an in-app entry)'} | ${'3.8.0'}   | ${{ scene: 1001 }}                                      | ${weapp}                       | ${'chatTool'} | ${'getChatToolInfo'}
    ${'the scene list does not matter'}         | ${'3.8.0'}   | ${{ scene: 1089, apiCategory: 'chatTool' }}             | ${weapp}                       | ${undefined}  | ${'getChatToolInfo'}
    ${'an unknown base library'}                | ${undefined} | ${chatTool}                                             | ${weapp}                       | ${undefined}  | ${'getChatToolInfo'}
    ${'base library 3.7.7'}                     | ${'3.7.7'}   | ${chatTool}                                             | ${weapp}                       | ${undefined}  | ${'unsupported'}
    ${'a bridge without getChatToolInfo'}       | ${'3.8.0'}   | ${chatTool}                                             | ${{ getGroupEnterInfo: true }} | ${undefined}  | ${'unsupported'}
    ${'H5: no group API at all'}                | ${'3.8.0'}   | ${chatTool}                                             | ${{}}                          | ${'chatTool'} | ${'unsupported'}
    ${'a single chat'}                          | ${'3.8.0'}   | ${{ ...chatTool, chatType: 1 }}                         | ${weapp}                       | ${undefined}  | ${'none'}
    ${'another apiCategory'}                    | ${'3.8.0'}   | ${{ scene: 1008, chatType: 3, apiCategory: 'default' }} | ${weapp}                       | ${undefined}  | ${'getGroupEnterInfo'}
  `('$why → $expected', ({ sdk, options, apis, mode, expected }) => {
    expect(planEntry(options, env(sdk, apis), { ...config, mode })).toBe(expected)
  })

  it('a single chat goes to getChatToolInfo with allowSingleChat', () => {
    expect(planEntry({ ...chatTool, chatType: 2 }, env('3.8.0', weapp), { ...config, allowSingleChat: true })).toBe(
      'getChatToolInfo',
    )
  })

  it('entering the chat tool with the same scene and chat is a new entry', () => {
    expect(entryKey(chatTool)).not.toBe(entryKey({ ...chatTool, apiCategory: 'default' }))
  })
})

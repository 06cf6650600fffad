import { waitFor } from '@testing-library/react'
import { useChatTool } from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { installOpenChatTool, resetFakeTaro } from '../../../../tools/fake-taro'
import { renderInGroup } from '../support/helpers'

afterEach(() => resetFakeTaro())

it('useChatTool opens the chat tool in the chat the app came from, with no picker, once it is resolved', async () => {
  const opened = installOpenChatTool()
  let open: ((url: string) => Promise<void>) | undefined
  function Opener() {
    open = useChatTool()
    return null
  }
  const bridge = createSimulatedBridge({ scene: 1008, chatType: 3, opengid: 'G_TOOL' })
  renderInGroup(<Opener />, { bridge, resolver: createSimulatedResolver() })
  await expect(open!('packageChatTool/pages/index')).rejects.toMatchObject({ code: 'SCENE' })
  expect(opened).toEqual([])
  await waitFor(() => expect(open!('packageChatTool/pages/index')).resolves.toBeUndefined())
  expect(opened).toEqual([{ url: 'packageChatTool/pages/index', roomid: 'G_TOOL', chatType: 3 }])
})

it('useChatTool opens the chat tool in the single chat the app came from (allowSingleChat): its room id and chat type', async () => {
  const opened = installOpenChatTool()
  let open: ((url: string) => Promise<void>) | undefined
  function Opener() {
    open = useChatTool()
    return null
  }
  const bridge = createSimulatedBridge({ scene: 1007, chatType: 2, openSingleRoomid: 'S_TOOL' })
  renderInGroup(<Opener />, { bridge, resolver: createSimulatedResolver(), allowSingleChat: true })
  await waitFor(() => expect(open!('packageChatTool/pages/index')).resolves.toBeUndefined())
  expect(opened).toEqual([{ url: 'packageChatTool/pages/index', roomid: 'S_TOOL', chatType: 2 }])
})

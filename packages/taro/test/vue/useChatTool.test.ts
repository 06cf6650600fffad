import { waitFor } from '@testing-library/dom'
import { defineComponent, h } from 'vue'
import { useChatTool, useGroupEnterInfo } from '@opengid/taro/vue'
import { createSimulatedBridge, createSimulatedResolver, SIMULATED_GROUP_OPENID } from '@opengid/taro/testing'
import { installOpenChatTool, resetFakeTaro } from '../../../../tools/fake-taro'
import { mountInGroup } from './support/helpers'

afterEach(() => resetFakeTaro())

it('useChatTool opens the chat tool in the chat the app came from, with no picker, once it is resolved', async () => {
  const opened = installOpenChatTool()
  let open!: (url: string) => Promise<void>
  const Opener = defineComponent({
    setup() {
      open = useChatTool()
      return () => null
    },
  })
  const bridge = createSimulatedBridge({ scene: 1044, chatType: 4, opengid: 'G_WECOM' })
  mountInGroup(() => h(Opener), { bridge, resolver: createSimulatedResolver() })
  await expect(open('packageChatTool/pages/index')).rejects.toMatchObject({ code: 'SCENE' })
  expect(opened).toEqual([])
  await waitFor(() => expect(open('packageChatTool/pages/index')).resolves.toBeUndefined())
  expect(opened).toEqual([{ url: 'packageChatTool/pages/index', roomid: 'G_WECOM', chatType: 4 }])
})

it('mode="chatTool" resolves the chat through getChatToolInfo: the member id comes with the group', async () => {
  const Member = defineComponent({
    setup() {
      const member = useGroupEnterInfo((s) => (s.source ? `${s.source} ${s.opengid} ${s.groupOpenid}` : s.status))
      return () => h('span', { 'data-testid': 'member' }, member.value)
    },
  })
  // The app entered the chat tool itself: the launch options still say scene 1001.
  const bridge = createSimulatedBridge({ scene: 1001, opengid: 'G_POLL' })
  const resolver = createSimulatedResolver()
  const wrapper = mountInGroup(() => h(Member), { bridge, resolver, mode: 'chatTool' })
  await waitFor(() =>
    expect(wrapper.get('[data-testid="member"]').text()).toBe(`getChatToolInfo G_POLL ${SIMULATED_GROUP_OPENID}`),
  )
  expect(bridge.calls.map((c) => c.api)).toEqual(['login', 'getChatToolInfo'])
  expect(resolver.calls.map((c) => c.source)).toEqual(['getChatToolInfo'])
})

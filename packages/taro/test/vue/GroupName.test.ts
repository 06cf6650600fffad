import { waitFor } from '@testing-library/dom'
import { defineComponent, h } from 'vue'
import { GroupName, useOpenGid } from '@opengid/taro/vue'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { resetFakeTaro, setMode } from '../../../../tools/fake-taro'
import { mountInGroup } from './support/helpers'

beforeEach(() => resetFakeTaro())

it('GroupName draws open data with the opengid on weapp, and its fallback before that', async () => {
  const wrapper = mountInGroup(() => h(GroupName, null, { fallback: () => '…' }), {
    bridge: createSimulatedBridge({ opengid: 'G_NAME', latency: { bridge: 5 } }),
    resolver: createSimulatedResolver(),
  })
  expect(wrapper.text()).toBe('…')
  await waitFor(() => expect(wrapper.find('open-data').exists()).toBe(true))
  expect(wrapper.get('open-data').attributes()).toEqual({ type: 'groupName', 'open-gid': 'G_NAME' })
  expect(wrapper.text()).toBe('')
})

it('GroupName renders only its fallback where open data does not exist, even once resolved', async () => {
  setMode('h5-prod')
  const resolver = createSimulatedResolver()
  const Resolved = defineComponent({
    setup() {
      const opengid = useOpenGid()
      return () => h('i', opengid.value)
    },
  })
  const wrapper = mountInGroup(() => [h(GroupName, null, { fallback: () => 'FB' }), h(Resolved)], {
    bridge: createSimulatedBridge({ opengid: 'G_NAME' }),
    resolver,
  })
  await waitFor(() => expect(wrapper.get('i').text()).toBe('G_NAME'))
  expect(resolver.calls).toHaveLength(1)
  expect(wrapper.text()).toBe('FBG_NAME')
  expect(wrapper.find('open-data').exists()).toBe(false)
})

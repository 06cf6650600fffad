import { waitFor } from '@testing-library/dom'
import { defineComponent, h, type VNode } from 'vue'
import { GroupGate, useGroupEnterInfo, type GroupEnterError, type Room } from '@opengid/taro/vue'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { resetFakeTaro } from '../../../../tools/fake-taro'
import { mountInGroup } from './support/helpers'

beforeEach(() => resetFakeTaro())

type GateSlot = 'fallback' | 'none' | 'unsupported' | 'error' | 'default'

/** A GroupGate with every slot, each counting its renders, so a test can tell which slot showed and how often. */
function gate() {
  const rendered: Record<GateSlot, number> = { fallback: 0, none: 0, unsupported: 0, error: 0, default: 0 }
  const counted =
    <P>(slot: GateSlot, render: (props: P) => VNode) =>
    (props: P) => {
      rendered[slot]++
      return render(props)
    }
  const slots = {
    fallback: counted('fallback', () => h('p', 'loading')),
    none: counted('none', () => h('p', 'not from a group')),
    unsupported: counted('unsupported', () => h('p', 'unsupported here')),
    error: counted('error', ({ error, refresh }: { error: GroupEnterError; refresh: () => Promise<void> }) =>
      h('button', { onClick: () => void refresh() }, `${error.code}: retry`),
    ),
    default: counted('default', ({ roomId, roomType }: Room) =>
      h('p', `board of ${roomId}${roomType === 'single' ? ' (just us)' : ''}`),
    ),
  }
  return { rendered, render: () => h(GroupGate, null, slots) }
}

it('renders the fallback slot, then the default slot with the opengid, each once', async () => {
  const { rendered, render } = gate()
  const wrapper = mountInGroup(render, {
    bridge: createSimulatedBridge({ opengid: 'G_GATE', latency: { bridge: 5 } }),
    resolver: createSimulatedResolver(),
  })
  expect(wrapper.text()).toBe('loading')
  await waitFor(() => expect(wrapper.text()).toBe('board of G_GATE'))
  expect(rendered).toEqual({ fallback: 1, none: 0, unsupported: 0, error: 0, default: 1 })
})

it('with allowSingleChat, a single chat renders the default slot with its room', async () => {
  const { render } = gate()
  const wrapper = mountInGroup(render, {
    bridge: createSimulatedBridge({ scene: 1007, chatType: 1, openSingleRoomid: 'S_GATE' }),
    resolver: createSimulatedResolver(),
    allowSingleChat: true,
  })
  await waitFor(() => expect(wrapper.text()).toBe('board of S_GATE (just us)'))
})

it('renders the none slot for a launch that is not from a group', () => {
  const { render } = gate()
  const wrapper = mountInGroup(render, {
    bridge: createSimulatedBridge({ scene: 1001, chatType: undefined }),
    resolver: createSimulatedResolver(),
  })
  expect(wrapper.text()).toBe('not from a group')
})

it('re-renders only when status, opengid or error change, not for any other change of the state', async () => {
  const bridge = createSimulatedBridge({ scene: 1001, chatType: undefined })
  const { rendered, render } = gate()
  const Scene = defineComponent({
    setup() {
      const scene = useGroupEnterInfo((s) => s.scene)
      return () => h('i', scene.value)
    },
  })
  const wrapper = mountInGroup(() => [render(), h(Scene)], { bridge, resolver: createSimulatedResolver() })
  expect(wrapper.text()).toBe('not from a group1001')
  // Another launch that is not from a group: the state changes (its scene), the gate's part does not.
  bridge.show({ scene: 1089 })
  await waitFor(() => expect(wrapper.get('i').text()).toBe('1089'))
  expect(rendered.none).toBe(1)
})

it('renders the unsupported slot on an old base library', () => {
  const { render } = gate()
  const wrapper = mountInGroup(render, {
    bridge: createSimulatedBridge({ sdkVersion: '2.0.0' }),
    resolver: createSimulatedResolver(),
  })
  expect(wrapper.text()).toBe('unsupported here')
})

it('renders the error slot with the error and a refresh that recovers', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_BACK', fail: { errCode: 65206 } })
  const { render } = gate()
  const wrapper = mountInGroup(render, { bridge, resolver: createSimulatedResolver() })
  await waitFor(() => expect(wrapper.text()).toBe('LEFT_GROUP: retry'))
  bridge.update({ fail: undefined })
  await wrapper.get('button').trigger('click')
  await waitFor(() => expect(wrapper.text()).toBe('board of G_BACK'))
  expect(bridge.count('getGroupEnterInfo')).toBe(2)
})

it('renders nothing for a state whose slot is not given', async () => {
  const wrapper = mountInGroup(() => h(GroupGate, null, { default: () => 'plain' }), {
    bridge: createSimulatedBridge({ latency: { bridge: 5 } }),
    resolver: createSimulatedResolver(),
  })
  expect(wrapper.text()).toBe('')
  await waitFor(() => expect(wrapper.text()).toBe('plain'))
})

import { waitFor } from '@testing-library/dom'
import { defineComponent, h, onUpdated } from 'vue'
import { useGroupEnterInfo, useOpenGid } from '@opengid/taro/vue'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { mountInGroup, Shown, shown, sleep } from './support/helpers'

const CONSUMERS = 50

function setup() {
  const updates = { opengid: new Array<number>(CONSUMERS).fill(0), scene: new Array<number>(CONSUMERS).fill(0) }
  const OpenGidConsumer = defineComponent({
    props: { index: { type: Number, required: true } },
    setup(props) {
      const opengid = useOpenGid()
      onUpdated(() => updates.opengid[props.index]++)
      return () => h('span', { class: 'gid' }, opengid.value ?? '…')
    },
  })
  // The scene is known from the enter options before anything resolves: it never changes.
  const SceneConsumer = defineComponent({
    props: { index: { type: Number, required: true } },
    setup(props) {
      const scene = useGroupEnterInfo((s) => s.scene)
      onUpdated(() => updates.scene[props.index]++)
      return () => h('span', scene.value)
    },
  })
  const consumers = () =>
    Array.from({ length: CONSUMERS }, (_, index) =>
      h('div', { key: index }, [h(OpenGidConsumer, { index }), h(SceneConsumer, { index })]),
    )
  return { updates, consumers }
}

it(`${CONSUMERS} consumers share one bridge call and one resolver call; only the opengid consumers update, once`, async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_FIFTY' })
  const resolver = createSimulatedResolver()
  const { updates, consumers } = setup()
  const wrapper = mountInGroup(consumers, { bridge, resolver })

  await waitFor(() => expect(wrapper.findAll('.gid').filter((gid) => gid.text() === 'G_FIFTY')).toHaveLength(CONSUMERS))
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
  expect(bridge.count('login')).toBe(1)
  expect(resolver.calls).toHaveLength(1)
  expect(updates.opengid).toEqual(new Array(CONSUMERS).fill(1))
  expect(updates.scene).toEqual(new Array(CONSUMERS).fill(0))
})

it('a consumer whose selection never changes is rendered once, from mount to resolved', async () => {
  const bridge = createSimulatedBridge({ latency: { bridge: 5 } })
  let renders = 0
  const ConstantReader = defineComponent({
    setup() {
      const constant = useGroupEnterInfo(() => 0)
      return () => {
        renders++
        return h('i', constant.value)
      }
    },
  })
  mountInGroup(() => h(ConstantReader), { bridge, resolver: createSimulatedResolver() })
  await waitFor(() => expect(bridge.count('getGroupEnterInfo')).toBe(1))
  await sleep(20)
  expect(renders).toBe(1)
})

it('a selector with isEqual keeps the previous selection when they are equal', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_EQ' })
  let renders = 0
  const Pair = defineComponent({
    setup() {
      // A new array on every store change; equal as long as the scene and chatType are.
      const pair = useGroupEnterInfo(
        (s) => [s.scene, s.chatType],
        (a, b) => a[0] === b[0] && a[1] === b[1],
      )
      return () => {
        renders++
        return h('i', pair.value.join(','))
      }
    },
  })
  const wrapper = mountInGroup(() => [h(Pair), h(Shown)], { bridge, resolver: createSimulatedResolver() })
  await waitFor(() => expect(shown(wrapper)).toBe('G_EQ'))
  expect(wrapper.get('i').text()).toBe('1008,3')
  expect(renders).toBe(1)
})

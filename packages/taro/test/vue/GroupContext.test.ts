import { waitFor } from '@testing-library/dom'
import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import {
  GroupGate,
  GroupName,
  provideGroupContext,
  useGroupEnterInfo,
  useGroupRequest,
  useGroupTicket,
  useOpenGid,
} from '@opengid/taro/vue'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { deferred, heldResolver } from '../support/deferred'
import { mountInGroup, Shown, shown, sleep } from './support/helpers'

it('runs prepare (login) before the bridge call, and shows the group', async () => {
  const bridge = createSimulatedBridge()
  const wrapper = mountInGroup(() => h(Shown), { bridge, resolver: createSimulatedResolver() })
  // The first render already shows 'loading': the store derives it from the enter options.
  expect(shown(wrapper)).toBe('loading')
  await waitFor(() => expect(shown(wrapper)).toBe('G_SIMULATED'))
  expect(bridge.calls.map((c) => c.api)).toEqual(['login', 'getGroupEnterInfo'])
})

it('re-shown after a hide from a second group with identical enter options: loading, then the second group', async () => {
  // Two group cards without shareTicket, same scene and chatType: the options cannot tell them apart.
  const bridge = createSimulatedBridge({ opengid: 'G_FIRST' })
  const seen: string[] = []
  const Recording = defineComponent({
    setup() {
      const info = useGroupEnterInfo()
      return () => {
        seen.push(info.value.opengid ?? info.value.status)
        return h(Shown)
      }
    },
  })
  const wrapper = mountInGroup(() => h(Recording), { bridge, resolver: createSimulatedResolver() })
  await waitFor(() => expect(shown(wrapper)).toBe('G_FIRST'))
  seen.length = 0
  bridge.hide()
  bridge.show({ opengid: 'G_SECOND' })
  await nextTick()
  expect(shown(wrapper)).toBe('loading')
  await waitFor(() => expect(shown(wrapper)).toBe('G_SECOND'))
  expect(seen).toEqual(['loading', 'G_SECOND'])
  // The warm path: the second entry needs no login, only the bridge and the request.
  expect(bridge.calls.map((c) => c.api)).toEqual(['login', 'getGroupEnterInfo', 'getGroupEnterInfo'])
})

it("goes to 'none' when re-shown from a non-group scene", async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_A' })
  const wrapper = mountInGroup(() => h(Shown), { bridge, resolver: createSimulatedResolver() })
  await waitFor(() => expect(shown(wrapper)).toBe('G_A'))
  bridge.show({ scene: 1001, chatType: undefined })
  await nextTick()
  expect(shown(wrapper)).toBe('none')
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
})

it('after unmount, an answer already on its way reaches nothing: no update, no callback, no new call', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const bridge = createSimulatedBridge()
  const held = heldResolver()
  const onResolved = jest.fn()
  let renders = 0
  const Counting = defineComponent({
    setup() {
      const info = useGroupEnterInfo()
      return () => {
        renders++
        return h('span', info.value.status)
      }
    },
  })
  const wrapper = mountInGroup(() => h(Counting), { bridge, resolver: held.resolver, onResolved })
  await waitFor(() => expect(held.signal).toBeDefined())
  const rendersAtUnmount = renders
  wrapper.unmount()
  await sleep(10)
  // The abandoned request is told to stop, and its late answer goes nowhere.
  expect(held.signal?.aborted).toBe(true)
  held.answer.resolve({ opengid: 'G_LATE' })
  bridge.show({ opengid: 'G_AFTER', shareTicket: 'X' })
  await sleep(10)
  expect(renders).toBe(rendersAtUnmount)
  expect(onResolved).not.toHaveBeenCalled()
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
  expect(errors).not.toHaveBeenCalled()
  expect(warnings).not.toHaveBeenCalled()
  errors.mockRestore()
  warnings.mockRestore()
})

it('an unmount while the bridge answer is on its way calls no resolver', async () => {
  const bridge = createSimulatedBridge()
  const getGroupEnterInfo = bridge.getGroupEnterInfo
  const held = deferred<void>()
  let asked = 0
  // The bridge answers only when the test lets it.
  bridge.getGroupEnterInfo = (options) => {
    asked++
    return held.promise.then(() => getGroupEnterInfo(options))
  }
  const resolver = createSimulatedResolver()
  const wrapper = mountInGroup(() => h(Shown), { bridge, resolver })
  await waitFor(() => expect(asked).toBe(1))
  wrapper.unmount()
  await sleep(10)
  held.resolve()
  await sleep(10)
  expect(asked).toBe(1)
  expect(resolver.calls).toHaveLength(0)
})

it('an unmount during login calls neither the bridge nor the server', async () => {
  const bridge = createSimulatedBridge()
  const login = deferred<{ code: string }>()
  bridge.login = () => login.promise
  const resolver = createSimulatedResolver()
  const wrapper = mountInGroup(() => h(Shown), { bridge, resolver })
  await sleep(10)
  wrapper.unmount()
  await sleep(10)
  login.resolve({ code: 'late' })
  await sleep(10)
  expect(bridge.count('getGroupEnterInfo')).toBe(0)
  expect(resolver.calls).toHaveLength(0)
})

it('refresh() starts over and shares one in-flight resolution between callers', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_1' })
  let refresh: () => Promise<void> = async () => undefined
  const WithRefresh = defineComponent({
    setup() {
      const info = useGroupEnterInfo()
      return () => {
        refresh = info.value.refresh
        return h(Shown)
      }
    },
  })
  const wrapper = mountInGroup(() => h(WithRefresh), { bridge, resolver: createSimulatedResolver() })
  await waitFor(() => expect(shown(wrapper)).toBe('G_1'))
  bridge.update({ opengid: 'G_2' })
  await Promise.all([refresh(), refresh(), refresh()])
  await nextTick()
  expect(shown(wrapper)).toBe('G_2')
  expect(bridge.count('getGroupEnterInfo')).toBe(2)
})

it('calls onError once with the error', async () => {
  const onError = jest.fn()
  const wrapper = mountInGroup(() => h(Shown), {
    bridge: createSimulatedBridge({ fail: { errCode: 65206 } }),
    resolver: createSimulatedResolver(),
    onError,
  })
  await waitFor(() => expect(shown(wrapper)).toBe('error'))
  expect(onError).toHaveBeenCalledTimes(1)
  expect(onError.mock.calls[0][0]).toMatchObject({ code: 'LEFT_GROUP', errCode: 65206 })
})

it('calls the onResolved of the latest props, once, and reads the other props only once', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_CB', latency: { bridge: 20 } })
  const resolver = createSimulatedResolver()
  const first = jest.fn()
  const latest = jest.fn()
  const wrapper = mountInGroup(() => h(Shown), { bridge, resolver, onResolved: first })
  // A new resolver does not restart anything: only the callbacks follow the props.
  await wrapper.setProps({ onResolved: latest, resolver: createSimulatedResolver() })
  await waitFor(() => expect(shown(wrapper)).toBe('G_CB'))
  expect(first).not.toHaveBeenCalled()
  expect(latest).toHaveBeenCalledTimes(1)
  expect(latest.mock.calls[0][0]).toMatchObject({ status: 'resolved', opengid: 'G_CB', source: 'getGroupEnterInfo' })
  expect(resolver.calls).toHaveLength(1)
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
})

it('passes needGroupOpenID to the bridge when set, and leaves it out (not false) when not', async () => {
  const asked = createSimulatedBridge()
  const wrapper = mountInGroup(() => h(Shown), {
    bridge: asked,
    resolver: createSimulatedResolver(),
    needGroupOpenID: true,
  })
  const plain = createSimulatedBridge()
  const other = mountInGroup(() => h(Shown), { bridge: plain, resolver: createSimulatedResolver() })
  await waitFor(() => expect([shown(wrapper), shown(other)]).toEqual(['G_SIMULATED', 'G_SIMULATED']))
  const options = (bridge: typeof asked) => {
    const call = bridge.calls.find((c) => c.api === 'getGroupEnterInfo')
    return call && 'options' in call ? call.options : undefined
  }
  expect(options(asked)?.needGroupOpenID).toBe(true)
  expect(options(plain)?.needGroupOpenID).toBeUndefined()
})

describe('outside a GroupContext', () => {
  const cases: [string, () => unknown][] = [
    ['useGroupEnterInfo', () => useGroupEnterInfo()],
    ['useOpenGid', () => useOpenGid()],
    ['useGroupTicket', () => useGroupTicket()],
    ['useGroupRequest', () => useGroupRequest()],
  ]
  it.each(cases)('%s throws a message that says what to wrap', (name, use) => {
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const Orphan = defineComponent({
      setup() {
        use()
        return () => null
      },
    })
    expect(() => mount(Orphan)).toThrow(new RegExp(`^${name} must be used inside <GroupContext>: wrap your page in`))
    warnings.mockRestore()
  })

  it.each([
    ['GroupGate', GroupGate],
    ['GroupName', GroupName],
  ] as const)('<%s> throws the same message', (name, component) => {
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(() => mount(component)).toThrow(`${name} must be used inside <GroupContext>`)
    warnings.mockRestore()
  })

  it('throws outside any component too', () => {
    expect(() => useGroupEnterInfo()).toThrow('useGroupEnterInfo must be used inside <GroupContext>')
  })
})

it("provideGroupContext in the app component's setup serves every page it renders", async () => {
  // Taro's Vue 3 runtime replaces the app component's render with its pages: the app's
  // setup is the one place above every page, so the store is provided from there.
  const bridge = createSimulatedBridge({ opengid: 'G_APP' })
  const resolver = createSimulatedResolver()
  const pages = ['index', 'detail']
  const App = defineComponent({
    setup() {
      provideGroupContext({ bridge, resolver })
      return () => pages.map((page) => h('div', { key: page, class: page }, h(Shown)))
    },
  })
  const wrapper = mount(App)
  await waitFor(() => expect(wrapper.findAll('[data-testid="shown"]').map((s) => s.text())).toEqual(['G_APP', 'G_APP']))
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
  wrapper.unmount()
  bridge.show({ opengid: 'G_GONE', shareTicket: 'Y' })
  await sleep(10)
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
})

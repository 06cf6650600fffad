import { act, screen, waitFor } from '@testing-library/react'
import {
  createGroupEnterStore,
  GroupContext,
  useGroupEnterInfo,
  type GroupResolver,
  type ResolvedGroup,
} from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { heldResolver } from '../support/deferred'
import { deferred, renderInGroup } from '../support/helpers'

function Shown() {
  const { status, opengid } = useGroupEnterInfo()
  return <span data-testid='shown'>{opengid ?? status}</span>
}
const shown = () => screen.getByTestId('shown').textContent

it('runs prepare (login) strictly before the bridge call', async () => {
  const order: string[] = []
  const bridge = createSimulatedBridge()
  const inner = createSimulatedResolver()
  const resolver: typeof inner = {
    ...inner,
    async prepare(ctx) {
      order.push('prepare:start')
      const prepared = await inner.prepare!(ctx)
      order.push('prepare:end')
      return prepared
    },
    resolve(payload, ctx) {
      order.push('resolve')
      return inner.resolve(payload, ctx)
    },
  }
  const getGroupEnterInfo = bridge.getGroupEnterInfo
  bridge.getGroupEnterInfo = (options) => {
    order.push('bridge')
    return getGroupEnterInfo(options)
  }
  renderInGroup(<Shown />, { bridge, resolver })
  await waitFor(() => expect(shown()).toBe('G_SIMULATED'))
  expect(order).toEqual(['prepare:start', 'prepare:end', 'bridge', 'resolve'])
})

it('re-shown from a second group with identical enter options: loading, then the second group, never the first', async () => {
  // Two group cards without shareTicket, same scene and chatType: the options cannot tell them apart.
  const bridge = createSimulatedBridge({ opengid: 'G_FIRST' })
  const seen: string[] = []
  function Recording() {
    const { status, opengid } = useGroupEnterInfo()
    seen.push(opengid ?? status)
    return <Shown />
  }
  renderInGroup(<Recording />, { bridge, resolver: createSimulatedResolver() })
  await waitFor(() => expect(shown()).toBe('G_FIRST'))
  seen.length = 0
  act(() => bridge.show({ opengid: 'G_SECOND' }))
  expect(shown()).toBe('loading')
  await waitFor(() => expect(shown()).toBe('G_SECOND'))
  expect(seen).toEqual(['loading', 'G_SECOND'])
  // The warm path: the second entry needs no login, only the bridge and the request.
  expect(bridge.calls.map((c) => c.api)).toEqual(['login', 'getGroupEnterInfo', 'getGroupEnterInfo'])
})

it('re-resolves once when re-shown from another group, and never shows the older, slower answer', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_OLD', shareTicket: 'T1' })
  const answers: { promise: Promise<ResolvedGroup>; resolve(v: ResolvedGroup): void }[] = []
  const resolver: GroupResolver<unknown> = {
    resolve() {
      const answer = deferred<ResolvedGroup>()
      answers.push(answer)
      return answer.promise
    },
  }
  renderInGroup(<Shown />, { bridge, resolver })
  await waitFor(() => expect(answers).toHaveLength(1))

  act(() => bridge.show({ opengid: 'G_NEW', shareTicket: 'T2' }))
  await waitFor(() => expect(answers).toHaveLength(2))
  await act(async () => answers[1].resolve({ opengid: 'G_NEW' }))
  expect(shown()).toBe('G_NEW')
  // The first entry's answer arrives late: it must be dropped.
  await act(async () => answers[0].resolve({ opengid: 'G_OLD' }))
  await act(() => new Promise((r) => setTimeout(r, 10)))
  expect(shown()).toBe('G_NEW')
  expect(bridge.count('getGroupEnterInfo')).toBe(2)
})

it("goes to 'none' when re-shown from a non-group scene", async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_A' })
  renderInGroup(<Shown />, { bridge, resolver: createSimulatedResolver() })
  await waitFor(() => expect(shown()).toBe('G_A'))
  act(() => bridge.show({ scene: 1001, chatType: undefined }))
  expect(shown()).toBe('none')
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
})

it('unsubscribes from onAppShow and makes no update after unmount while in flight', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const bridge = createSimulatedBridge()
  const held = heldResolver()
  const onResolved = jest.fn()
  let renders = 0
  function Counting() {
    renders++
    return <Shown />
  }
  const view = renderInGroup(<Counting />, { bridge, resolver: held.resolver, onResolved })
  await waitFor(() => expect(held.signal).toBeDefined())
  const rendersAtUnmount = renders
  view.unmount()
  await act(() => new Promise((r) => setTimeout(r, 10)))
  // The abandoned request is told to stop, and its late answer goes nowhere.
  expect(held.signal?.aborted).toBe(true)
  await act(async () => held.answer.resolve({ opengid: 'G_LATE' }))
  act(() => bridge.show({ opengid: 'G_AFTER', shareTicket: 'X' }))
  await act(() => new Promise((r) => setTimeout(r, 10)))
  expect(renders).toBe(rendersAtUnmount)
  expect(onResolved).not.toHaveBeenCalled()
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
  expect(errors).not.toHaveBeenCalled()
  errors.mockRestore()
})

it('refresh() starts over and shares one in-flight resolution between callers', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_1' })
  let refresh: () => Promise<void> = async () => undefined
  function WithRefresh() {
    const state = useGroupEnterInfo()
    refresh = state.refresh
    return <span data-testid='shown'>{state.opengid ?? state.status}</span>
  }
  renderInGroup(<WithRefresh />, { bridge, resolver: createSimulatedResolver() })
  await waitFor(() => expect(shown()).toBe('G_1'))
  bridge.update({ opengid: 'G_2' })
  await act(() => Promise.all([refresh(), refresh(), refresh()]))
  expect(shown()).toBe('G_2')
  expect(bridge.count('getGroupEnterInfo')).toBe(2)
})

it('calls onError once with the error', async () => {
  const bridge = createSimulatedBridge({ fail: { errCode: 65206 } })
  const onError = jest.fn()
  renderInGroup(<Shown />, { bridge, resolver: createSimulatedResolver(), onError })
  await waitFor(() => expect(shown()).toBe('error'))
  expect(onError).toHaveBeenCalledTimes(1)
  expect(onError.mock.calls[0][0]).toMatchObject({ code: 'LEFT_GROUP', errCode: 65206 })
})

it('calls the onResolved of the latest render, once, with the resolved state', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_CB', latency: { bridge: 20 } })
  const resolver = createSimulatedResolver()
  const first = jest.fn()
  const latest = jest.fn()
  const view = renderInGroup(<Shown />, { bridge, resolver, onResolved: first })
  view.rerender(
    <GroupContext bridge={bridge} resolver={resolver} onResolved={latest}>
      <Shown />
    </GroupContext>,
  )
  await waitFor(() => expect(shown()).toBe('G_CB'))
  expect(first).not.toHaveBeenCalled()
  expect(latest).toHaveBeenCalledTimes(1)
  expect(latest.mock.calls[0][0]).toMatchObject({ status: 'resolved', opengid: 'G_CB', source: 'getGroupEnterInfo' })
})

it('throws a message naming <GroupContext> when used outside it', () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { render } = require('@testing-library/react') as typeof import('@testing-library/react')
  expect(() => render(<Shown />)).toThrow(/useGroupEnterInfo must be used inside <GroupContext>/)
  errors.mockRestore()
})

it('a restarted store picks up a launch that changed while it was stopped', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_BEFORE', shareTicket: 'T1' })
  const store = createGroupEnterStore({ bridge, resolver: createSimulatedResolver() })
  const stop = store.start()
  await store.refresh()
  expect(store.getState().opengid).toBe('G_BEFORE')
  stop()
  // Shown from another group while nobody listened: no onAppShow reached the store.
  bridge.show({ opengid: 'G_AFTER', shareTicket: 'T2' })
  store.start()
  expect(store.getState().status).toBe('loading')
  await new Promise<void>((resolve) => store.subscribe(() => store.getState().status !== 'loading' && resolve()))
  expect(store.getState().opengid).toBe('G_AFTER')
  expect(bridge.count('getGroupEnterInfo')).toBe(2)
})

it("labels a custom bridge's WeChat-style failure as BRIDGE and keeps its errMsg", async () => {
  const bridge = createSimulatedBridge()
  bridge.getGroupEnterInfo = () => Promise.reject({ errMsg: 'getGroupEnterInfo:fail custom host' })
  const store = createGroupEnterStore({ bridge, resolver: createSimulatedResolver(), retry: 0 })
  store.start()
  await store.refresh()
  expect(store.getState().error).toMatchObject({
    code: 'BRIDGE',
    errMsg: 'getGroupEnterInfo:fail custom host',
    message: 'getGroupEnterInfo failed: getGroupEnterInfo:fail custom host',
  })
})

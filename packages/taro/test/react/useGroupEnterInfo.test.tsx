import { act, screen, waitFor } from '@testing-library/react'
import { useGroupEnterInfo, useOpenGid } from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { renderInGroup } from '../support/helpers'

const CONSUMERS = 50

function setup() {
  const renders = { opengid: new Array<number>(CONSUMERS).fill(0), scene: new Array<number>(CONSUMERS).fill(0) }
  function OpenGidConsumer({ index }: { index: number }) {
    renders.opengid[index]++
    const opengid = useOpenGid()
    return <span data-testid='gid'>{opengid ?? '…'}</span>
  }
  // The scene is known from the enter options before anything resolves: it never changes.
  function SceneConsumer({ index }: { index: number }) {
    renders.scene[index]++
    return <span>{useGroupEnterInfo((s) => s.scene)}</span>
  }
  const consumers = Array.from({ length: CONSUMERS }, (_, i) => (
    <div key={i}>
      <OpenGidConsumer index={i} />
      <SceneConsumer index={i} />
    </div>
  ))
  return { renders, consumers }
}

it(`${CONSUMERS} consumers share one bridge call and one resolver call, and render at most twice`, async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_FIFTY' })
  const resolver = createSimulatedResolver()
  const { renders, consumers } = setup()
  renderInGroup(consumers, { bridge, resolver })

  await waitFor(() => expect(screen.getAllByText('G_FIFTY')).toHaveLength(CONSUMERS))
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
  expect(bridge.count('login')).toBe(1)
  expect(resolver.calls).toHaveLength(1)
  expect(renders.opengid.every((n) => n === 2)).toBe(true)
  expect(renders.scene.every((n) => n === 1)).toBe(true)
})

it('still makes one bridge call inside <StrictMode>', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_STRICT' })
  const resolver = createSimulatedResolver()
  const { consumers } = setup()
  renderInGroup(consumers, { bridge, resolver }, { strict: true })

  await waitFor(() => expect(screen.getAllByText('G_STRICT')).toHaveLength(CONSUMERS))
  // Let any timer-deferred stop or second start show itself.
  await act(() => new Promise((r) => setTimeout(r, 20)))
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
  expect(resolver.calls).toHaveLength(1)
})

it("the provider's context value stays the same store from mount to resolved", async () => {
  const bridge = createSimulatedBridge({ latency: { bridge: 5 } })
  let childRenders = 0
  // Reads the context but selects a constant: only a new context value could re-render it.
  function ContextReader() {
    childRenders++
    useGroupEnterInfo(() => 0)
    return null
  }
  renderInGroup(<ContextReader />, { bridge, resolver: createSimulatedResolver() })
  await waitFor(() => expect(bridge.count('getGroupEnterInfo')).toBe(1))
  await act(() => new Promise((r) => setTimeout(r, 20)))
  expect(childRenders).toBe(1)
})

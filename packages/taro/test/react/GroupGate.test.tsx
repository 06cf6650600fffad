import { act, screen, waitFor } from '@testing-library/react'
import { GroupGate, GroupName, useOpenGid } from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { resetFakeTaro, setMode } from './fake-taro'
import { renderInGroup } from './helpers'

beforeEach(() => resetFakeTaro())

function Gate() {
  return (
    <GroupGate
      fallback={<p>loading</p>}
      none={<p>not from a group</p>}
      unsupported={<p>unsupported here</p>}
      error={(error, refresh) => <button onClick={() => void refresh()}>{error.code}: retry</button>}
    >
      {(opengid) => <p>board of {opengid}</p>}
    </GroupGate>
  )
}

it('shows the fallback, then the children with the opengid', async () => {
  renderInGroup(<Gate />, {
    bridge: createSimulatedBridge({ opengid: 'G_GATE', latency: { bridge: 5 } }),
    resolver: createSimulatedResolver(),
  })
  expect(screen.getByText('loading')).toBeTruthy()
  expect(await screen.findByText('board of G_GATE')).toBeTruthy()
})

it('shows the none and unsupported slots', async () => {
  const first = renderInGroup(<Gate />, {
    bridge: createSimulatedBridge({ scene: 1001, chatType: undefined }),
    resolver: createSimulatedResolver(),
  })
  expect(screen.getByText('not from a group')).toBeTruthy()
  first.unmount()
  renderInGroup(<Gate />, {
    bridge: createSimulatedBridge({ sdkVersion: '2.0.0' }),
    resolver: createSimulatedResolver(),
  })
  expect(screen.getByText('unsupported here')).toBeTruthy()
})

it('renders the error slot with a refresh that recovers', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_BACK', fail: { errCode: 65206 } })
  renderInGroup(<Gate />, { bridge, resolver: createSimulatedResolver() })
  const button = await screen.findByText('LEFT_GROUP: retry')
  bridge.update({ fail: undefined })
  await act(async () => button.click())
  expect(await screen.findByText('board of G_BACK')).toBeTruthy()
})

it('accepts plain children', async () => {
  renderInGroup(<GroupGate>plain</GroupGate>, { bridge: createSimulatedBridge(), resolver: createSimulatedResolver() })
  expect(await screen.findByText('plain')).toBeTruthy()
})

it('GroupName draws open data with the opengid on weapp', async () => {
  const view = renderInGroup(<GroupName fallback='…' />, {
    bridge: createSimulatedBridge({ opengid: 'G_NAME' }),
    resolver: createSimulatedResolver(),
  })
  await waitFor(() => expect(view.container.querySelector('[data-open-data="groupName"]')).not.toBeNull())
  expect(view.container.querySelector('[data-open-data]')?.getAttribute('data-open-gid')).toBe('G_NAME')
})

it('GroupName renders only its fallback where open data does not exist, even once resolved', async () => {
  setMode('h5-prod')
  const bridge = createSimulatedBridge({ opengid: 'G_NAME' })
  const resolver = createSimulatedResolver()
  function Resolved() {
    return <i>{useOpenGid()}</i>
  }
  const view = renderInGroup(
    <>
      <GroupName fallback='FB' />
      <Resolved />
    </>,
    { bridge, resolver },
  )
  await waitFor(() => expect(view.container.querySelector('i')?.textContent).toBe('G_NAME'))
  expect(resolver.calls).toHaveLength(1)
  expect(view.container.textContent).toBe('FBG_NAME')
  expect(view.container.querySelector('[data-open-data]')).toBeNull()
})

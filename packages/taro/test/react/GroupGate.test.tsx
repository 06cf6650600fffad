import { act, screen } from '@testing-library/react'
import { GroupGate } from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { resetFakeTaro } from '../../../../tools/fake-taro'
import { renderInGroup } from '../support/helpers'

beforeEach(() => resetFakeTaro())

function Gate() {
  return (
    <GroupGate
      fallback={<p>loading</p>}
      none={<p>not from a group</p>}
      unsupported={<p>unsupported here</p>}
      error={(error, refresh) => <button onClick={() => void refresh()}>{error.code}: retry</button>}
    >
      {(roomId, room) => (
        <p>
          board of {roomId}
          {room.roomType === 'single' ? ' (just us)' : ''}
        </p>
      )}
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

it('with allowSingleChat, a single chat shows the children with its room', async () => {
  renderInGroup(<Gate />, {
    bridge: createSimulatedBridge({ scene: 1007, chatType: 1, openSingleRoomid: 'S_GATE' }),
    resolver: createSimulatedResolver(),
    allowSingleChat: true,
  })
  expect(await screen.findByText('board of S_GATE (just us)')).toBeTruthy()
})

it('without allowSingleChat, a single chat is none: no call at all', () => {
  const bridge = createSimulatedBridge({ scene: 1007, chatType: 1 })
  renderInGroup(<Gate />, { bridge, resolver: createSimulatedResolver() })
  expect(screen.getByText('not from a group')).toBeTruthy()
  expect(bridge.calls).toEqual([])
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

// The README's "testing your components" recipe, kept honest by running it.
import { render, screen } from '@testing-library/react'
import { GroupContext, useOpenGid } from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'

function CheckIn() {
  const opengid = useOpenGid()
  return <p>{opengid ? `Check in to ${opengid}` : 'Finding your group…'}</p>
}

it('shows the check-in for the group the app was opened from', async () => {
  const bridge = createSimulatedBridge({ scene: 1008, opengid: 'G_TEAM' })
  render(
    <GroupContext bridge={bridge} resolver={createSimulatedResolver()}>
      <CheckIn />
    </GroupContext>,
  )
  expect(screen.getByText('Finding your group…')).toBeTruthy()
  expect(await screen.findByText('Check in to G_TEAM')).toBeTruthy()
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
})

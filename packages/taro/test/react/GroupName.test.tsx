import { waitFor } from '@testing-library/react'
import { GroupName, useOpenGid } from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { resetFakeTaro, setMode } from '../../../../tools/fake-taro'
import { renderInGroup } from '../support/helpers'

beforeEach(() => resetFakeTaro())

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

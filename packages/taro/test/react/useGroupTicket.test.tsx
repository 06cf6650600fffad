import { screen, waitFor } from '@testing-library/react'
import { useGroupTicket } from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { renderInGroup } from '../support/helpers'

it('useGroupTicket renders the ticket once the group is resolved, and re-renders only for it', async () => {
  let renders = 0
  function Ticket() {
    renders++
    return <span data-testid='ticket'>{useGroupTicket() ?? 'none yet'}</span>
  }
  renderInGroup(<Ticket />, {
    bridge: createSimulatedBridge({ opengid: 'G_TICKET' }),
    resolver: createSimulatedResolver(),
  })
  expect(screen.getByTestId('ticket').textContent).toBe('none yet')
  await waitFor(() => expect(screen.getByTestId('ticket').textContent).toContain('G_TICKET'))
  expect(renders).toBe(2)
})

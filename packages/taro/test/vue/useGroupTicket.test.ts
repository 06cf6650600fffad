import { waitFor } from '@testing-library/dom'
import { defineComponent, h, onUpdated } from 'vue'
import { useGroupTicket } from '@opengid/taro/vue'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { resetFakeTaro } from '../../../../tools/fake-taro'
import { mountInGroup } from './support/helpers'

beforeEach(() => resetFakeTaro())

it('useGroupTicket shows the ticket once the group is resolved, and updates only for it', async () => {
  let updates = 0
  const Ticket = defineComponent({
    setup() {
      const ticket = useGroupTicket()
      onUpdated(() => updates++)
      return () => h('span', ticket.value ?? 'none yet')
    },
  })
  const wrapper = mountInGroup(() => h(Ticket), {
    bridge: createSimulatedBridge({ opengid: 'G_TICKET' }),
    resolver: createSimulatedResolver(),
  })
  expect(wrapper.text()).toBe('none yet')
  await waitFor(() => expect(wrapper.text()).toContain('G_TICKET'))
  expect(updates).toBe(1)
})

import { waitFor } from '@testing-library/dom'
import { defineComponent, h } from 'vue'
import { useGroupEnterInfo, useGroupTicket, useOpenGid } from '@opengid/taro/vue'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { mountInGroup, Shown, shown } from './support/helpers'

// The composables' refs are the store's, read-only: a component cannot draw a group it made up.
it('a component that assigns to the refs draws the store state, not what it assigned', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  let forged: string | undefined
  const Forger = defineComponent({
    setup() {
      const opengid = useOpenGid()
      const ticket = useGroupTicket()
      const info = useGroupEnterInfo()
      return () => {
        // Writes during render, as a careless component might; each must be refused.
        ;(opengid as { value: unknown }).value = 'G_FORGED'
        ;(ticket as { value: unknown }).value = 'forged.ticket'
        ;(info as { value: unknown }).value = { status: 'resolved', opengid: 'G_FORGED' }
        forged = opengid.value
        return h('i', { 'data-testid': 'forger' }, `${opengid.value ?? '-'} ${ticket.value ? 'ticket' : '-'}`)
      }
    },
  })
  const wrapper = mountInGroup(() => [h(Forger), h(Shown)], {
    bridge: createSimulatedBridge({ opengid: 'G_REAL' }),
    resolver: createSimulatedResolver(),
  })
  expect(forged).toBeUndefined()
  expect(wrapper.get('[data-testid="forger"]').text()).toBe('- -')
  await waitFor(() => expect(shown(wrapper)).toBe('G_REAL'))
  await wrapper.vm.$nextTick()
  expect(shown(wrapper)).toBe('G_REAL')
  expect(forged).toBe('G_REAL')
  expect(wrapper.get('[data-testid="forger"]').text()).toBe('G_REAL ticket')
  expect(warn.mock.calls.some(([message]) => /readonly/.test(String(message)))).toBe(true)
  warn.mockRestore()
})

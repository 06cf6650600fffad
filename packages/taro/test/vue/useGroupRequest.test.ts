import { waitFor } from '@testing-library/dom'
import { defineComponent, h } from 'vue'
import { useGroupRequest, useGroupTicket, type GroupRequest } from '@opengid/taro/vue'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { calls, configureHost, resetFakeTaro } from '../../../../tools/fake-taro'
import { mountInGroup, sleep } from './support/helpers'

beforeEach(() => resetFakeTaro())

it('useGroupRequest waits for the group, then sends its ticket as a Bearer token through Taro.request', async () => {
  configureHost({ request: async () => ({ statusCode: 200, data: { ok: true } }) })
  let request: GroupRequest | undefined
  let ticket: string | undefined
  const Caller = defineComponent({
    setup() {
      request = useGroupRequest()
      const current = useGroupTicket()
      return () => {
        ticket = current.value
        return null
      }
    },
  })
  mountInGroup(() => h(Caller), {
    bridge: createSimulatedBridge({ opengid: 'G_API', latency: { bridge: 10 } }),
    resolver: createSimulatedResolver(),
  })
  // Called while the group is still loading: it waits for the ticket.
  const response = await request!({ url: 'https://example.com/scores' })
  expect(response).toMatchObject({ statusCode: 200, data: { ok: true } })
  await waitFor(() => expect(ticket).toBeDefined())
  const sent = calls.filter((c) => c.api === 'request')
  expect(sent).toHaveLength(1)
  expect(sent[0].options).toMatchObject({
    url: 'https://example.com/scores',
    header: { Authorization: `Bearer ${ticket}` },
  })
})

it('useGroupRequest gives each component one function for its lifetime', async () => {
  const requests: GroupRequest[] = []
  const Caller = defineComponent({
    props: { n: Number },
    setup() {
      const request = useGroupRequest()
      return () => {
        requests.push(request)
        return h('i', String(requests.length))
      }
    },
  })
  const props = { bridge: createSimulatedBridge(), resolver: createSimulatedResolver() }
  let n = 0
  const wrapper = mountInGroup(() => h(Caller, { n: n++ }), props)
  await sleep(10)
  await wrapper.setProps({ retry: 2 })
  expect(requests.length).toBeGreaterThan(1)
  expect(new Set(requests).size).toBe(1)
})

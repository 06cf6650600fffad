import { act } from '@testing-library/react'
import { useEffect } from 'react'
import {
  createGroupEnterStore,
  createGroupRequest,
  GroupContext,
  useGroupRequest,
  type GroupRequestOptions,
} from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { renderInGroup } from '../support/helpers'

/** Your own API behind requireGroupTicket: accepts only the tickets it lists. */
function playApi(valid: (ticket: string) => boolean) {
  const seen: string[] = []
  const send = async (options: GroupRequestOptions) => {
    const ticket = String((options.header as Record<string, string>).Authorization).replace(/^Bearer /, '')
    seen.push(ticket)
    return valid(ticket)
      ? { statusCode: 200, data: { ok: true }, header: {} }
      : { statusCode: 401, data: { error: { code: 'TICKET_EXPIRED', message: 'Expired.' } }, header: {} }
  }
  return { send, seen }
}

it('waits for the group in flight, then sends the ticket as a Bearer token', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_API', latency: { bridge: 20 } })
  const store = createGroupEnterStore({ bridge, resolver: createSimulatedResolver() })
  store.start()
  const api = playApi(() => true)
  const response = await createGroupRequest(store, api.send)({ url: 'https://example.com/scores' })
  expect(response.statusCode).toBe(200)
  expect(api.seen).toEqual([store.getState().ticket])
})

it('on 401 TICKET_EXPIRED resolves the group again once and repeats with the new ticket', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_API' })
  const store = createGroupEnterStore({ bridge, resolver: createSimulatedResolver() })
  store.start()
  await store.refresh()
  const first = store.getState().ticket!
  const api = playApi((ticket) => ticket !== first)
  const response = await createGroupRequest(store, api.send)({ url: 'https://example.com/scores' })
  expect(response.statusCode).toBe(200)
  expect(api.seen).toHaveLength(2)
  expect(api.seen[1]).not.toBe(first)
  // The refresh took the warm path: no second login.
  expect(bridge.count('login')).toBe(1)
  expect(bridge.count('getGroupEnterInfo')).toBe(2)
})

it('repeats only once: a second 401 is handed back to the caller', async () => {
  const store = createGroupEnterStore({ bridge: createSimulatedBridge(), resolver: createSimulatedResolver() })
  store.start()
  const api = playApi(() => false)
  const response = await createGroupRequest(store, api.send)({ url: 'https://example.com/scores' })
  expect(response.statusCode).toBe(401)
  expect(api.seen).toHaveLength(2)
})

it('rejects with a typed error when there is no group to vouch for', async () => {
  const store = createGroupEnterStore({
    bridge: createSimulatedBridge({ scene: 1001, chatType: undefined }),
    resolver: createSimulatedResolver(),
  })
  store.start()
  const api = playApi(() => true)
  await expect(createGroupRequest(store, api.send)({ url: 'https://example.com' })).rejects.toMatchObject({
    code: 'SCENE',
  })
  expect(api.seen).toHaveLength(0)
})

it('useGroupRequest is stable across renders', async () => {
  const requests: unknown[] = []
  function Caller() {
    const request = useGroupRequest()
    useEffect(() => {
      requests.push(request)
    })
    return null
  }
  const props = { bridge: createSimulatedBridge(), resolver: createSimulatedResolver() }
  const view = renderInGroup(<Caller />, props)
  await act(() => new Promise((r) => setTimeout(r, 10)))
  view.rerender(
    <GroupContext {...props}>
      <Caller />
    </GroupContext>,
  )
  expect(new Set(requests).size).toBe(1)
})

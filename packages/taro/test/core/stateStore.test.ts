/** @jest-environment node */
import { createStateStore } from '../../src/core/stateStore'
import type { GroupEnterState } from '../../src/core/types'

test('listeners hear of a real change once, and of an equal state never', () => {
  const store = createStateStore({ status: 'loading', scene: 1008 })
  const heard: GroupEnterState[] = []
  store.subscribe(() => heard.push(store.getState()))
  const first = store.getState()
  // Same keys and values in a new object: nothing changed, so the old object stays.
  store.setState({ status: 'loading', scene: 1008 })
  expect(store.getState()).toBe(first)
  expect(heard).toEqual([])
  store.setState({
    status: 'resolved',
    scene: 1008,
    roomType: 'group',
    roomId: 'G_ONE',
    opengid: 'G_ONE',
    source: 'getGroupEnterInfo',
  })
  // One more key, even undefined, is a change.
  store.setState({
    status: 'resolved',
    scene: 1008,
    roomType: 'group',
    roomId: 'G_ONE',
    opengid: 'G_ONE',
    source: 'getGroupEnterInfo',
    chatType: undefined,
  })
  expect(heard.map((s) => Object.keys(s).length)).toEqual([6, 7])
})

test('an error is compared by identity: a new error object is a change', () => {
  const error = new Error('one')
  const store = createStateStore({ status: 'error', error } as unknown as GroupEnterState)
  let heard = 0
  store.subscribe(() => heard++)
  store.setState({ status: 'error', error } as unknown as GroupEnterState)
  store.setState({ status: 'error', error: new Error('one') } as unknown as GroupEnterState)
  expect(heard).toBe(1)
})

test('unsubscribing stops exactly that listener', () => {
  const store = createStateStore({ status: 'idle' })
  const heard: string[] = []
  const offA = store.subscribe(() => heard.push('a'))
  store.subscribe(() => heard.push('b'))
  offA()
  store.setState({ status: 'none' })
  expect(heard).toEqual(['b'])
})

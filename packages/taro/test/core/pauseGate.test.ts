/** @jest-environment node */
import { ABORTED, createAborter } from '../../src/core/abort'
import { createPauseGate } from '../../src/core/pauseGate'

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Whether `promise` has settled after the queued microtasks ran, and how. */
async function outcome(promise: Promise<void>): Promise<'passed' | 'waiting' | 'rejected'> {
  let seen: 'passed' | 'waiting' | 'rejected' = 'waiting'
  promise.then(
    () => (seen = 'passed'),
    () => (seen = 'rejected'),
  )
  await tick()
  return seen
}

test('a new gate lets attempts pass: a refresh before any start still runs', async () => {
  const gate = createPauseGate()
  expect(await outcome(gate.pass(createAborter().signal))).toBe('passed')
})

test('a closed gate holds attempts until it is opened again', async () => {
  const gate = createPauseGate()
  gate.open()
  gate.close(() => {})
  const held = gate.pass(createAborter().signal)
  expect(await outcome(held)).toBe('waiting')
  gate.open()
  expect(await outcome(held)).toBe('passed')
})

test('an aborted attempt goes no further, open or closed', async () => {
  const gate = createPauseGate()
  const aborter = createAborter()
  aborter.abort()
  await expect(gate.pass(aborter.signal)).rejects.toBe(ABORTED)
  gate.close(() => {})
  const other = createAborter()
  const held = gate.pass(other.signal)
  other.abort()
  gate.open()
  await expect(held).rejects.toBe(ABORTED)
})

test('abandon runs a tick after close, once, unless the gate opens again first', async () => {
  const gate = createPauseGate()
  let abandoned = 0
  gate.close(() => abandoned++)
  gate.open()
  await tick()
  expect(abandoned).toBe(0)
  gate.close(() => abandoned++)
  await tick()
  await tick()
  expect(abandoned).toBe(1)
})

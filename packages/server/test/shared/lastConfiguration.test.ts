import { lastConfiguration } from '../../src/shared/lastConfiguration'

// What the cloud function's issuer and verifyGroupTicket keep between calls.

type Options = { secret: string; secrets?: string[] }

function counted() {
  const made: Options[] = []
  const get = lastConfiguration(
    ({ secret, secrets }: Options) => [secret, secrets],
    (options: Options) => {
      if (options.secret === '') throw new TypeError('secret must not be empty')
      made.push(options)
      return { madeFor: options.secret }
    },
  )
  return { get, made }
}

test('a new options object with the same settings gets what was made, not a new one', () => {
  const { get, made } = counted()
  const first = get({ secret: 'a' })
  expect(get({ secret: 'a' })).toBe(first)
  expect(made).toHaveLength(1)
})

test('other settings make anew, and going back makes anew too: one configuration is kept', () => {
  const { get, made } = counted()
  get({ secret: 'a' })
  expect(get({ secret: 'b' })).toEqual({ madeFor: 'b' })
  get({ secret: 'a' })
  expect(made.map((options) => options.secret)).toEqual(['a', 'b', 'a'])
})

test('an array is compared by its items, and a caller changing its own array in place is seen', () => {
  const { get, made } = counted()
  const secrets = ['new', 'old']
  get({ secret: 'a', secrets })
  get({ secret: 'a', secrets: ['new', 'old'] })
  expect(made).toHaveLength(1)
  secrets.pop()
  get({ secret: 'a', secrets })
  expect(made).toHaveLength(2)
})

test('options that throw are not kept: the next call with them throws again', () => {
  const { get } = counted()
  get({ secret: 'a' })
  expect(() => get({ secret: '' })).toThrow(TypeError)
  expect(() => get({ secret: '' })).toThrow(TypeError)
  expect(get({ secret: 'a' })).toEqual({ madeFor: 'a' })
})

import { WeChatApiError } from '@opengid/server'
import type { FakeWeChat } from '@opengid/server/dev'

/** The error `promise` rejects with; resolving fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Error) return error
    throw new Error(`rejected with a non-Error: ${String(error)}`)
  }
  throw new Error('expected a rejection, but the promise resolved')
}

/** What an error shows anyone who logs it. */
export function errorText(error: Error): string {
  return [error.message, String(error.stack), JSON.stringify(error)].join('\n')
}

/** The WeChatApiError `promise` rejects with; any other outcome fails the test. */
export async function weChatFailure(promise: Promise<unknown>): Promise<WeChatApiError> {
  const error = await rejection(promise)
  if (error instanceof WeChatApiError) return error
  throw error
}

/** Neither the AppSecret nor any token the fake handed out may show in an error. */
export function expectNoSecrets(error: Error, fake: FakeWeChat, secret: string): void {
  const text = errorText(error)
  for (const value of [secret, ...fake.issuedAccessTokens]) expect(text).not.toContain(value)
}

// Checked by `npm run typecheck` (tsc), never run: each line fails to compile if inference regresses.
// Code outside components in an app that never registered single chats (see index.test-d.ts beside it).
import { createGroupEnterStore, httpResolver, taroBridge, type GroupEnterStoreOptions } from '@opengid/taro/vanilla'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
function assertType<T extends true>(): T | void {}

const options: GroupEnterStoreOptions = { bridge: taroBridge(), resolver: httpResolver({ url: 'u' }) }

export function storeState() {
  const state = createGroupEnterStore(options).getState()
  if (state.status === 'resolved') assertType<Equal<typeof state.opengid, string>>()
}

export const onResolved = createGroupEnterStore({
  ...options,
  onResolved: (state) => state.status === 'resolved' && assertType<Equal<typeof state.opengid, string>>(),
})

// @ts-expect-error allowSingleChat only for an app that registered single chats
export const single = createGroupEnterStore({ ...options, allowSingleChat: true })

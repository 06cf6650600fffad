import { createGroupEnterStore, type GroupEnterStore, type GroupEnterStoreOptions } from '../core/store'
import type { GroupEnterError } from '../core/GroupEnterError'
import type { GroupBridge, GroupEnterState } from '../core/types'
import { taroBridge } from './taroBridge'

/** What a provider (React's `<GroupContext>`, Vue's `GroupContext` and `provideGroupContext`) takes. */
export interface ProviderOptions extends Omit<GroupEnterStoreOptions, 'bridge'> {
  /** Defaults to `taroBridge()`; tests and the H5 demo inject a simulated one. */
  bridge?: GroupBridge
}

/**
 * The store a provider makes. Its options are read once, now (like a query client: a
 * new inline `resolver` restarts nothing); only `onResolved` and `onError` are read
 * from `latest()` each time they fire, so they follow the provider's latest props.
 */
export function createProviderStore(latest: () => ProviderOptions): GroupEnterStore {
  const options = latest()
  return createGroupEnterStore(
    Object.assign({}, options, {
      bridge: options.bridge || taroBridge(),
      onResolved(state: GroupEnterState) {
        const { onResolved } = latest()
        if (onResolved) onResolved(state)
      },
      onError(error: GroupEnterError) {
        const { onError } = latest()
        if (onError) onError(error)
      },
    }),
  )
}

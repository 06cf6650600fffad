import { onMounted, onUnmounted, provide } from 'vue'
import { createGroupEnterStore, type GroupEnterStore, type GroupEnterStoreOptions } from '../core/store'
import { taroBridge } from '../taro/taroBridge'
import type { GroupEnterError } from '../core/GroupEnterError'
import type { GroupBridge, GroupEnterState } from '../core/types'
import { GroupStoreKey } from './context'

export interface GroupContextProps extends Omit<GroupEnterStoreOptions, 'bridge'> {
  /** Defaults to `taroBridge()`; tests and the H5 demo inject a simulated one. */
  bridge?: GroupBridge
}

/**
 * Creates one group-enter store and provides it to the calling component's subtree;
 * starts it when that component is mounted and stops it when it is unmounted.
 * `<GroupContext>` is this in a component. Call it yourself in the app component's
 * setup (app.ts) for one store for every page: Taro replaces the app component's
 * render with its pages, so nothing can wrap them there, but what its setup
 * provides reaches each page.
 *
 * The options are read once, here; only `onResolved` and `onError` are read when
 * called, so a reactive options object (GroupContext's props) gives the latest ones.
 */
export function provideGroupContext(options: GroupContextProps): GroupEnterStore {
  const store = createGroupEnterStore(
    Object.assign({}, options, {
      bridge: options.bridge || taroBridge(),
      onResolved: (state: GroupEnterState) => options.onResolved && options.onResolved(state),
      onError: (error: GroupEnterError) => options.onError && options.onError(error),
    }),
  )
  provide(GroupStoreKey, store)
  let stop: (() => void) | undefined
  onMounted(() => {
    stop = store.start()
  })
  onUnmounted(() => {
    if (stop) stop()
  })
  return store
}

import { onMounted, onUnmounted, provide } from 'vue'
import type { GroupEnterStore } from '../core/store'
import { createProviderStore, type ProviderOptions } from '../taro/providerStore'
import { GroupStoreKey } from './context'

export type GroupContextProps = ProviderOptions

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
  const store = createProviderStore(() => options)
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

import { hasInjectionContext, inject, type InjectionKey } from 'vue'
import type { GroupEnterStore } from '../core/store'

/** A symbol, so no other provide can shadow the store by name. */
export const GroupStoreKey: InjectionKey<GroupEnterStore> = Symbol('opengid store')

/** The store of the nearest GroupContext; throws, saying what to wrap, where there is none. */
export function injectGroupStore(caller: string): GroupEnterStore {
  // The guard and the null default keep Vue's own warnings out: this error says more.
  const store = hasInjectionContext() ? inject(GroupStoreKey, null) : null
  if (!store) {
    throw new Error(
      `${caller} must be used inside <GroupContext>: wrap your page in <GroupContext :resolver="httpResolver({ url })">, or call provideGroupContext({ resolver }) in your app's setup (app.ts).`,
    )
  }
  return store
}

import { defineComponent, type PropType } from 'vue'
import type { GroupEnterError } from '../core/GroupEnterError'
import type { GroupBridge, GroupEnterState } from '../core/types'
import { provideGroupContext, type GroupContextProps } from './provideGroupContext'

/**
 * Provides one group-enter store to its default slot. Its props are read once, in
 * setup (like a query client): a new `resolver` does not restart anything. Only
 * `onResolved` / `onError` (or `@resolved` / `@error`) follow the latest props.
 */
export const GroupContext = defineComponent({
  name: 'GroupContext',
  props: {
    resolver: { type: Object as PropType<GroupContextProps['resolver']>, required: true },
    bridge: Object as PropType<GroupBridge>,
    scenes: Array as PropType<readonly number[]>,
    timeoutMs: Number,
    retry: Number,
    // Undefined when absent, as the store's own defaults expect (a Boolean prop is false otherwise).
    needGroupOpenID: { type: Boolean, default: undefined },
    // Typed as the store's option, so only an app that registered single chats may set it, and
    // as a bare PropType: Vue's types would fix the type of a prop with a default when the kit
    // is built, before an app's Register can widen it.
    allowSingleChat: { type: Boolean, default: undefined } as unknown as PropType<GroupContextProps['allowSingleChat']>,
    mode: String as PropType<GroupContextProps['mode']>,
    onResolved: Function as PropType<(state: GroupEnterState) => void>,
    onError: Function as PropType<(error: GroupEnterError) => void>,
  },
  setup(props, { slots }) {
    provideGroupContext(props)
    return () => (slots.default ? slots.default() : null)
  },
})

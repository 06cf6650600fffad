import { useEffect, useRef, useState, type ReactNode } from 'react'
import { StoreContext } from './context'
import { createGroupEnterStore, type GroupEnterStoreOptions } from '../core/store'
import { taroBridge } from '../taro/taroBridge'
import type { GroupEnterError } from '../core/GroupEnterError'
import type { GroupBridge, GroupEnterState } from '../core/types'

export interface GroupContextProps extends Omit<GroupEnterStoreOptions, 'bridge'> {
  /** Defaults to `taroBridge()`; tests and the H5 demo inject a simulated one. */
  bridge?: GroupBridge
  children?: ReactNode
}

/**
 * Provides one group-enter store to everything below it. Its options are read once,
 * when it mounts (like a query client): an inline `resolver={httpResolver(...)}` does not
 * restart anything. Only the callbacks follow the latest render.
 */
export function GroupContext(props: GroupContextProps) {
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })
  const [store] = useState(() =>
    createGroupEnterStore(
      Object.assign({}, props, {
        bridge: props.bridge || taroBridge(),
        onResolved: (state: GroupEnterState) => latest.current.onResolved && latest.current.onResolved(state),
        onError: (error: GroupEnterError) => latest.current.onError && latest.current.onError(error),
      }),
    ),
  )
  useEffect(() => store.start(), [store])
  return <StoreContext.Provider value={store}>{props.children}</StoreContext.Provider>
}

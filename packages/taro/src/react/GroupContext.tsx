import { useEffect, useRef, useState, type ReactNode } from 'react'
import { StoreContext } from './context'
import { createProviderStore, type ProviderOptions } from '../taro/providerStore'

export interface GroupContextProps extends ProviderOptions {
  children?: ReactNode
}

/**
 * Provides one group-enter store to everything below it. Its options are read once,
 * when it mounts: an inline `resolver={httpResolver(...)}` does not restart anything.
 * Only the callbacks follow the latest render.
 */
export function GroupContext(props: GroupContextProps) {
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })
  const [store] = useState(() => createProviderStore(() => latest.current))
  useEffect(() => store.start(), [store])
  return <StoreContext.Provider value={store}>{props.children}</StoreContext.Provider>
}

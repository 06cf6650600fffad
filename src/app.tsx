import type { PropsWithChildren } from 'react'
import { GroupContext } from '@opengid/taro'
import { bridge, resolver } from './demo/platform'

// The provider lives as long as the app: one resolution per group entry for every page.
function App({ children }: PropsWithChildren) {
  return (
    <GroupContext bridge={bridge} resolver={resolver}>
      {children}
    </GroupContext>
  )
}

export default App

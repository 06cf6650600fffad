import type { PropsWithChildren } from 'react'
import { GroupContext } from '@opengid/taro'
import { bridge, resolver } from './demo/platform'

// The provider lives as long as the app: one resolution per chat entry for every page.
// allowSingleChat: the demo's features work between two people as well as in a group.
function App({ children }: PropsWithChildren) {
  return (
    <GroupContext bridge={bridge} resolver={resolver} allowSingleChat>
      {children}
    </GroupContext>
  )
}

export default App

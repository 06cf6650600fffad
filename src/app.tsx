import type { PropsWithChildren } from 'react'
import { GroupContext } from '@opengid/taro'
import { bridge, resolver } from './demo/platform'

// allowSingleChat: the demo's features work between two people as well as in a group.
// Registered once for the types, so every state, gate and hook names any room, group or single chat.
declare module '@opengid/taro' {
  interface Register {
    allowSingleChat: true
  }
}

// The provider lives as long as the app: one resolution per chat entry for every page.
function App({ children }: PropsWithChildren) {
  return (
    <GroupContext bridge={bridge} resolver={resolver} allowSingleChat>
      {children}
    </GroupContext>
  )
}

export default App

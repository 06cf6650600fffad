import type { ReactNode } from 'react'
import type { GroupEnterError } from '../core/GroupEnterError'
import type { AppRoom } from '../core/register'
import { sameGate, selectGate } from '../core/selectors'
import { useGroupEnterInfo, useGroupEnterStore } from './useGroupEnterInfo'

export interface GroupGateProps {
  /**
   * Shown once the room is known. A function gets its id (the opengid of a group, so
   * group-only apps read it as before) and the room: `roomType`, and `opengid` or
   * `openSingleRoomid` (single chats, for an app that registered them).
   */
  children: ReactNode | ((roomId: string, room: AppRoom) => ReactNode)
  /** While idle or loading. */
  fallback?: ReactNode
  /** The launch was not from a group chat. */
  none?: ReactNode
  /** This host cannot provide group info (H5, other platforms, old base library). */
  unsupported?: ReactNode
  error?: ReactNode | ((error: GroupEnterError, refresh: () => Promise<void>) => ReactNode)
}

/** Renders its children only for a resolved room (group or single chat), and one slot for each other state. */
export function GroupGate({
  children,
  fallback = null,
  none = null,
  unsupported = null,
  error = null,
}: GroupGateProps) {
  const gate = useGroupEnterInfo(selectGate, sameGate)
  const { refresh } = useGroupEnterStore('GroupGate')
  switch (gate.status) {
    case 'resolved': {
      const room = gate.room as AppRoom
      return <>{typeof children === 'function' ? children(room.roomId, room) : children}</>
    }
    case 'none':
      return <>{none}</>
    case 'unsupported':
      return <>{unsupported}</>
    case 'error':
      return <>{typeof error === 'function' ? error(gate.error as GroupEnterError, refresh) : error}</>
    default:
      return <>{fallback}</>
  }
}

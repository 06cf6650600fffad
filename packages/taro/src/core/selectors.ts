import type { EnterState, Room } from './types'

// What each binding's useOpenGid, useGroupTicket and GroupGate read of the state, in
// one place, so that the React and the Vue binding update on exactly the same changes.

export const selectOpenGid = (state: EnterState) => state.opengid

export const selectTicket = (state: EnterState) => state.ticket

/** What a gate shows: the status, the room once resolved, the error once failed. */
export interface Gate {
  status: EnterState['status']
  room?: Room
  error?: EnterState['error']
}

/** The room of a resolved state, alone: what a gate hands its content. */
const roomOf = (s: EnterState): Room | undefined =>
  s.status !== 'resolved'
    ? undefined
    : s.roomType === 'group'
      ? { roomType: 'group', roomId: s.roomId, opengid: s.opengid }
      : { roomType: 'single', roomId: s.roomId, openSingleRoomid: s.openSingleRoomid }

/** Only status, the room and error change what a gate shows: a new ticket or scene does not. */
export const selectGate = (s: EnterState): Gate => ({ status: s.status, room: roomOf(s), error: s.error })

const roomKey = (gate: Gate) => gate.room && gate.room.roomType + gate.room.roomId

export const sameGate = (a: Gate, b: Gate) => a.status === b.status && roomKey(a) === roomKey(b) && a.error === b.error

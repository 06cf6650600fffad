import type { GroupEnterState } from './types'

// What each binding's useOpenGid, useGroupTicket and GroupGate read of the state, in
// one place, so that the React and the Vue binding update on exactly the same changes.

export const selectOpenGid = (state: GroupEnterState) => state.opengid

export const selectTicket = (state: GroupEnterState) => state.ticket

export type Gate = Pick<GroupEnterState, 'status' | 'opengid' | 'error'>

/** Only status, opengid and error change what a gate shows: a new ticket or scene does not. */
export const selectGate = (s: GroupEnterState): Gate => ({ status: s.status, opengid: s.opengid, error: s.error })

export const sameGate = (a: Gate, b: Gate) => a.status === b.status && a.opengid === b.opengid && a.error === b.error

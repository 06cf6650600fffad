// Checked by `npm run typecheck` (tsc), never run: each line fails to compile if inference regresses.
// A server for groups only reads a group, `opengid: string`, as before rooms; `allowSingleChat: true`,
// on the call or guard that lets single chats in, types what it gives as any room.
import {
  decryptGroupInfo,
  resolveCloudGroupInfo,
  verifyGroupTicket,
  withGroupTicket,
  type GroupTicketClaims,
  type Room,
  type WithGroupTicket,
} from '@opengid/server'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
function assertType<T extends true>(): T | void {}

const keys = { ticketSecret: 'a-ticket-secret-of-at-least-32-bytes-0123456789', appId: 'wx0123456789abcdef' }
const cipher = { sessionKey: 'k', encryptedData: 'e', iv: 'i' }
declare const allow: boolean

export async function verifying() {
  const group = await verifyGroupTicket('t', keys)
  assertType<Equal<typeof group, GroupTicketClaims>>()
  assertType<Equal<typeof group.opengid, string>>()
  const room = await verifyGroupTicket('t', { ...keys, allowSingleChat: true })
  assertType<Equal<typeof room, GroupTicketClaims<Room>>>()
  if (room.roomType === 'single') assertType<Equal<typeof room.openSingleRoomid, string>>()
  // A flag known only at run time may let single chats in: any room.
  const maybe = await verifyGroupTicket('t', { ...keys, allowSingleChat: allow })
  assertType<Equal<typeof maybe, GroupTicketClaims<Room>>>()
}

export const groupsOnly = withGroupTicket(keys, (_request, group) => {
  assertType<Equal<typeof group.opengid, string>>()
  return Response.json(group.opengid)
})
export const rooms = withGroupTicket({ ...keys, allowSingleChat: true }, (_request, group) => {
  assertType<Equal<typeof group.roomType, 'group' | 'single'>>()
  return Response.json(group.roomId)
})

// requireGroupTicket sets req.group: a group's, or any room's behind a guard with allowSingleChat.
export const fromExpress = (req: WithGroupTicket): string => req.group.opengid
export const fromRooms = (req: WithGroupTicket<Room>): string | undefined => req.group.opengid

// The room open data decrypts to: a group's unless single chats are allowed, as they are refused otherwise.
export function decrypting() {
  const group = decryptGroupInfo(cipher)
  assertType<Equal<typeof group.opengid, string>>()
  const room = decryptGroupInfo({ ...cipher, allowSingleChat: true })
  assertType<Equal<typeof room.roomType, 'group' | 'single'>>()
  const cloudGroup = resolveCloudGroupInfo({})
  assertType<Equal<typeof cloudGroup.opengid, string>>()
  const cloudRoom = resolveCloudGroupInfo({}, { allowSingleChat: true })
  assertType<Equal<typeof cloudRoom.roomType, 'group' | 'single'>>()
}

export async function cloudTickets() {
  const group = await resolveCloudGroupInfo({}, { ...keys, openid: 'o' })
  assertType<Equal<typeof group.opengid, string>>()
  const room = await resolveCloudGroupInfo({}, { ...keys, openid: 'o', allowSingleChat: true })
  assertType<Equal<typeof room.roomType, 'group' | 'single'>>()
}

import type { GroupRoom, Room } from './wire'

/**
 * What an app tells the kit's types about itself; empty for a group-only app. An app
 * that resolves single chats too (`allowSingleChat` on its provider) says so once,
 * in any of its modules, through the entry it imports (all three share this one):
 *
 * ```ts
 * declare module '@opengid/taro' {
 *   interface Register {
 *     allowSingleChat: true
 *   }
 * }
 * ```
 *
 * A type, not a provider's generic: hooks and gates read the state far from the
 * provider, and nothing carries a type from there to them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- apps add to it (module augmentation)
export interface Register {}

/** `Rooms` for an app that registered single chats, `Groups` for every other. */
type IfSingleChats<Rooms, Groups> = Register extends { allowSingleChat: true } ? Rooms : Groups

/**
 * The rooms an app's entries resolve to: groups, so a group-only app reads `opengid`
 * as a `string`, as before rooms; any room once it registered single chats.
 */
export type AppRoom = IfSingleChats<Room, GroupRoom>

/**
 * The provider's `allowSingleChat`: a boolean for an app that registered single chats.
 * Any other app gets this message as the type, so `allowSingleChat` cannot turn on a
 * single room its types say never comes.
 */
export type AllowSingleChat = IfSingleChats<
  boolean,
  false | "allowSingleChat needs `declare module '@opengid/taro' { interface Register { allowSingleChat: true } }`"
>

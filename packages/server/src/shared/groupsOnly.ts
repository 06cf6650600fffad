/**
 * Options without `allowSingleChat` (or with it false): what they give is a group's, as
 * before rooms, so the overloads that take them type it so (`opengid: string`).
 */
export type GroupsOnly = { allowSingleChat?: false }

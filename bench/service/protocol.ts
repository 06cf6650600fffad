/** The fake WeChat process's messages (bench/service/fakeProcess.ts), by IPC. */
export const APP_ID = 'wx00000000000bench'
export const APP_SECRET = 'bench-app-secret-0123456789'

/** Asks for `count` bodies: cold ones with codes of their own, or warm ones on sessions made at `url`. */
export interface BodiesRequest {
  path: 'cold' | 'warm'
  count: number
  url: string
  /** The users' names start with it: each server gets users of its own (a login rotates its user's key). */
  users: string
}
export interface BodiesAnswer {
  bodies: string[]
}
export interface FakeReady {
  url: string
}

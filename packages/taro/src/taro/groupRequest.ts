import type Taro from '@tarojs/taro'
import { GroupEnterError } from '../core/GroupEnterError'
import { serverError } from '../core/serverError'
import type { GroupEnterStore } from '../core/store'
import { whenState } from '../core/whenState'
import { taroRequest } from './taroApis'
import type { GroupEnterState } from '../core/types'

export type GroupRequestOptions = Omit<Taro.request.Option, 'success' | 'fail' | 'complete'>
export interface GroupRequestResponse<T> {
  statusCode: number
  data: T
  header: Record<string, string>
}
export type GroupRequest = <T = unknown>(options: GroupRequestOptions) => Promise<GroupRequestResponse<T>>
/** `Taro.request`'s shape, for tests and custom transports. */
export type SendRequest = (options: GroupRequestOptions) => PromiseLike<GroupRequestResponse<unknown>>

const settled = (state: GroupEnterState) => state.status !== 'idle' && state.status !== 'loading'

/** The current ticket, or the reason there is none as a typed error. */
async function currentTicket(store: GroupEnterStore): Promise<string> {
  // A ticket is known only once the entry in flight (if any) has settled.
  const state = await whenState(store, settled)
  if (state.status === 'resolved' && state.ticket) return state.ticket
  if (state.status === 'error') throw state.error
  if (state.status === 'none')
    throw new GroupEnterError('SCENE', 'No group ticket: this launch is not from a group chat.')
  if (state.status === 'unsupported')
    throw new GroupEnterError('UNSUPPORTED', 'No group ticket: this host gives no group info.')
  throw new GroupEnterError('INVALID_RESPONSE', 'No group ticket: the resolver answered without one.')
}

/**
 * `Taro.request` with `Authorization: Bearer <group ticket>`, for your own API behind
 * `@opengid/server`'s `requireGroupTicket`. It waits for a group in flight; on a 401
 * `TICKET_EXPIRED` it resolves the group again, once, and repeats the request.
 */
export function createGroupRequest(store: GroupEnterStore, request?: SendRequest): GroupRequest {
  return async function groupRequest<T>(options: GroupRequestOptions) {
    const send = request ?? (taroRequest() as unknown as SendRequest)
    const withTicket = async () =>
      (await send({
        ...options,
        header: { ...options.header, Authorization: `Bearer ${await currentTicket(store)}` },
      })) as GroupRequestResponse<T>
    const response = await withTicket()
    if (response.statusCode !== 401 || serverError(response.data)?.code !== 'TICKET_EXPIRED') return response
    await store.refresh()
    return withTicket()
  }
}

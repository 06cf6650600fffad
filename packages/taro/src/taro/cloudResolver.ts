import { GroupEnterError } from '../core/GroupEnterError'
import { taroCloud } from './taroApis'
import type { GroupResolver, ResolvedGroup } from '../core/types'
import { serverError, unreachable } from '../core/serverError'

export interface CloudResolverOptions {
  /** The cloud function's name. */
  name: string
  /** Cloud environment id, when not the default one. */
  env?: string
}

interface CloudApi {
  callFunction(options: {
    name: string
    data: Record<string, unknown>
    config?: { env: string }
  }): Promise<{ result?: unknown }>
  CloudID(cloudID: string): unknown
}

/**
 * Lets WeChat decrypt for you: the cloudID is passed as a top-level field, so the
 * cloud function receives `{ cloudID, data: { opengid, ... } }` (see `@opengid/server`'s
 * `resolveCloudGroupInfo`). An expired cloudID comes back with errCode -601006, which
 * the store answers with one fresh bridge call.
 */
export function cloudResolver(options: CloudResolverOptions): GroupResolver<undefined> {
  return {
    async resolve(payload, { allowSingleChat }): Promise<ResolvedGroup> {
      const cloud = taroCloud() as CloudApi | undefined
      if (!cloud) throw new GroupEnterError('UNSUPPORTED', 'Taro.cloud is not available on this host.')
      if (!payload.cloudID) {
        throw new GroupEnterError(
          'RESOLVER',
          'No cloudID in the group data: enable cloud development (Taro.cloud.init) first.',
        )
      }
      let result: unknown
      try {
        const response = await cloud.callFunction({
          name: options.name,
          // The cloud function passes allowSingleChat on to resolveCloudGroupInfo.
          data: { groupInfo: cloud.CloudID(payload.cloudID), ...(allowSingleChat && { allowSingleChat }) },
          ...(options.env ? { config: { env: options.env } } : {}),
        })
        result = response.result
      } catch (failure) {
        throw unreachable(`Cloud function ${options.name} failed`, failure)
      }
      const error = serverError(result)
      if (error) {
        throw new GroupEnterError('RESOLVER', error.message ?? `Cloud function ${options.name} failed.`, {
          serverCode: error.code,
          errCode: error.errCode,
        })
      }
      return result as ResolvedGroup
    },
  }
}

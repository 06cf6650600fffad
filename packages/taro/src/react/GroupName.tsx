import { OpenData as TaroOpenData } from '@tarojs/components'
import type { ReactNode } from 'react'
import { hasOpenData } from '../taro/taroApis'
import { useOpenGid } from './useGroupEnterInfo'

/**
 * Taro's `<OpenData>` on the targets whose components have it (weapp, qq), else undefined.
 * Elsewhere (alipay, tt, swan, jd, H5...) `@tarojs/components` exports no OpenData, and
 * webpack fails the build on a reference to a missing export of an ES module such as this
 * kit. Taro's build replaces `process.env.TARO_ENV` with the target's name, so webpack
 * drops the other branch unparsed and no reference is left; on weapp it stays, which is how
 * Taro knows to emit open-data's template. It must stay inline in this module for that.
 * Outside a Taro build (jest) TARO_ENV is unset and the import is used.
 */
/** Taro's build defines it; declared here so the kit's types need no Node typings. */
declare const process: { env: { TARO_ENV?: string } }
const OpenData =
  process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'qq' || !process.env.TARO_ENV ? TaroOpenData : undefined

export interface GroupNameProps {
  /** Shown where the name cannot be rendered: before the opengid is known, or on hosts without open data. */
  fallback?: ReactNode
}

/**
 * The group's name, drawn by WeChat itself (`<OpenData type="groupName">`): the mini
 * program never sees the text, so it needs no server round trip and leaks nothing.
 */
export function GroupName({ fallback = null }: GroupNameProps) {
  const opengid = useOpenGid()
  if (!opengid || !OpenData || !hasOpenData()) return <>{fallback}</>
  return <OpenData type='groupName' openGid={opengid} />
}

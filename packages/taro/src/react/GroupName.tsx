import { OpenData } from '@tarojs/components'
import type { ReactNode } from 'react'
import { hasOpenData } from '../taro/taroApis'
import { useOpenGid } from './useGroupEnterInfo'

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
  if (!opengid || typeof OpenData === 'undefined' || !hasOpenData()) return <>{fallback}</>
  return <OpenData type='groupName' openGid={opengid} />
}

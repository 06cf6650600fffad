import { OpenData } from '@tarojs/components'
import type { ReactNode } from 'react'
import { hostEnv } from '../taro/taroApis'
import { useOpenGid } from './useGroupEnterInfo'

/** Only these hosts render the group name through open data. */
const OPEN_DATA_HOSTS = ['WEAPP', 'QQ']

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
  if (!opengid || typeof OpenData === 'undefined' || OPEN_DATA_HOSTS.indexOf(hostEnv()) === -1) return <>{fallback}</>
  return <OpenData type='groupName' openGid={opengid} />
}

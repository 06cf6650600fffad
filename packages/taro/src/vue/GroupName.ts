import { OpenData as TaroOpenData } from '@tarojs/components'
import { defineComponent, h, type SlotsType, type VNode } from 'vue'
import { selectOpenGid } from '../core/selectors'
import { injectGroupStore } from './context'
import { hasOpenData } from '../taro/taroApis'
import { selectionRef } from './selection'

/** OpenData on weapp and qq only, inline for webpack's dead-branch removal: see react/GroupName.tsx. */
/** Taro's build defines it; declared here so the kit's types need no Node typings. */
declare const process: { env: { TARO_ENV?: string } }
const OpenData =
  process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'qq' || !process.env.TARO_ENV ? TaroOpenData : undefined

export interface GroupNameSlots {
  /** Shown where the name cannot be drawn: before the opengid is known, or on hosts without open data. */
  fallback?(): VNode[]
}

/**
 * The group's name, drawn by WeChat itself (`<open-data type="groupName">`): the mini
 * program never sees the text, so it needs no server round trip and leaks nothing.
 */
export const GroupName = defineComponent({
  name: 'GroupName',
  slots: Object as SlotsType<GroupNameSlots>,
  setup(_, { slots }) {
    const opengid = selectionRef(injectGroupStore('GroupName'), selectOpenGid, Object.is)
    return () => {
      const gid = opengid.value
      if (!gid || !OpenData || !hasOpenData()) return slots.fallback ? slots.fallback() : null
      // Imported, not written as 'open-data': Taro's build emits a template only for the
      // components an app imports or writes in its templates, and would draw nothing here.
      // On weapp the import is that element's name; Taro's runtime turns open-gid into openGid.
      return h(OpenData as unknown as string, { type: 'groupName', 'open-gid': gid })
    }
  },
})

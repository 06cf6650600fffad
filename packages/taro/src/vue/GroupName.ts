import { OpenData } from '@tarojs/components'
import { defineComponent, h, type SlotsType, type VNode } from 'vue'
import { selectOpenGid } from '../core/selectors'
import { injectGroupStore } from './context'
import { hasOpenData } from '../taro/taroApis'
import { selectionRef } from './selection'

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
      if (!gid || typeof OpenData === 'undefined' || !hasOpenData()) return slots.fallback ? slots.fallback() : null
      // Imported, not written as 'open-data': Taro's build emits a template only for the
      // components an app imports or writes in its templates, and would draw nothing here.
      // On weapp the import is that element's name; Taro's runtime turns open-gid into openGid.
      return h(OpenData as unknown as string, { type: 'groupName', 'open-gid': gid })
    }
  },
})

import { defineComponent, h, type SlotsType, type VNode } from 'vue'
import { injectGroupStore } from './context'
import { hasOpenData } from '../taro/taroApis'
import { selectionRef } from './selection'
import { selectOpenGid } from './useGroupEnterInfo'

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
      if (!gid || !hasOpenData()) return slots.fallback ? slots.fallback() : null
      // Taro's runtime turns open-gid into the template's openGid, as a compiled template would.
      return h('open-data', { type: 'groupName', 'open-gid': gid })
    }
  },
})

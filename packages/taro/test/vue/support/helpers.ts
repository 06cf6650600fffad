import { configure } from '@testing-library/dom'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, type VNodeChild } from 'vue'
import { GroupContext, useGroupEnterInfo, type GroupContextProps } from '@opengid/taro/vue'

// waitFor polls for 1 s by default; on a busy 2-core machine a slow render is slow, not wrong.
configure({ asyncUtilTimeout: 5000 })

const mounted: VueWrapper[] = []

// A test that leaves its GroupContext mounted must not leave its store listening into the next test.
afterEach(() => {
  for (const wrapper of mounted.splice(0)) if (!wrapper.vm.$.isUnmounted) wrapper.unmount()
})

/** Mounts `children` (a render function) as the default slot of a GroupContext with these props. */
export function mountInGroup(children: () => VNodeChild, props: GroupContextProps) {
  const wrapper = mount(GroupContext, { props, slots: { default: children } })
  mounted.push(wrapper)
  return wrapper
}

/** Shows the opengid once resolved, else the status. */
export const Shown = defineComponent({
  setup() {
    const info = useGroupEnterInfo()
    return () => h('span', { 'data-testid': 'shown' }, info.value.opengid ?? info.value.status)
  },
})

/** The text Shown renders in this wrapper. */
export const shown = (wrapper: VueWrapper) => wrapper.get('[data-testid="shown"]').text()

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

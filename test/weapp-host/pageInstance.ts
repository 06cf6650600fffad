import { applyPatch, type DataTree } from './dataTree'
import type { Definition } from './registry'
import type { Timers } from './timers'

export interface PageInstance extends Definition {
  route: string
  data: DataTree
  setData(patch: Record<string, unknown>, callback?: () => void): void
}

/**
 * A page as WeChat makes one from its definition: the definition's methods,
 * its own copy of `data`, the route, and setData. `data` changes at once;
 * the callback runs later, when WeChat would have rendered.
 */
export function createPageInstance(
  definition: Definition,
  route: string,
  onSetData: (patch: Record<string, unknown>, data: DataTree) => void,
  timers: Timers,
): PageInstance {
  return {
    ...definition,
    route,
    data: JSON.parse(JSON.stringify(definition.data ?? {})),
    setData(patch, callback) {
      applyPatch(this.data, patch)
      onSetData(patch, this.data)
      if (callback) timers.setTimeout(callback, 0)
    },
  }
}

/** A page's `data` as the render layer sees it after every `setData`. */
export type DataTree = Record<string, unknown>

type Container = Record<string | number, unknown>

/**
 * Applies a setData patch as WeChat does: each key is a path ('root.cn.[0].cn.[1].v',
 * 'list[2].name'), missing containers along it are created, and the value is
 * copied as JSON because WeChat serialises data on its way to the render layer.
 */
export function applyPatch(tree: DataTree, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const steps = parsePath(key)
    let node = tree as Container
    steps.slice(0, -1).forEach((step, i) => {
      const next = node[step]
      if (next === null || typeof next !== 'object') node[step] = typeof steps[i + 1] === 'number' ? [] : {}
      node = node[step] as Container
    })
    node[steps[steps.length - 1]] = value === undefined ? undefined : JSON.parse(JSON.stringify(value))
  }
}

function parsePath(key: string): (string | number)[] {
  return Array.from(key.matchAll(/\[(\d+)\]|[^.[\]]+/g), ([step, index]) =>
    index === undefined ? step : Number(index),
  )
}

/** Every text node's value (Taro's `v`) in document order: depth first over children (`cn`). */
export function collectTexts(tree: DataTree): string[] {
  const texts: string[] = []
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return
    const { v, cn } = node as { v?: unknown; cn?: unknown }
    if (typeof v === 'string') texts.push(v)
    if (Array.isArray(cn)) cn.forEach(visit)
  }
  visit(tree.root)
  return texts
}

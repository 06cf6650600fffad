import './dom'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { load, render } from 'miniprogram-simulate'
import type { WeappBundle } from './bundle'
import type { Definition, Registry } from './registry'
import { wechatPath, type Sandbox } from './sandbox'
import type { Template } from './templates'

/** A page as WeChat makes one: the definition's methods and fields on the rendered component, with its data and setData. */
export interface PageInstance extends Definition {
  route: string
  data: Record<string, unknown>
  setData(patch: Record<string, unknown>, callback?: () => void): void
}

/** What a page draws, as WeChat's component renderer draws it from the compiled templates and the page's data. */
export interface PageView {
  readonly instance: PageInstance
  /** Every text node drawn, in document order. */
  texts(): string[]
  /** Why what the page drew is not what WeChat would draw: set once it drew something this renderer does not play. */
  readonly refused: string | undefined
  /** Taps the element that draws the first text matching: the tap bubbles to whatever handler WeChat would call. */
  tap(match: (text: string) => boolean): void
  /** Takes the page off the document. */
  close(): void
}

export interface PageLoad {
  bundle: WeappBundle
  sandbox: Sandbox
  registry: Registry
  route: string
  /** Called after every setData has been drawn, with how long drawing took. */
  onSetData(patch: Record<string, unknown>, drawMs: number): void
  /** Schedules a setData callback: WeChat calls it once the render layer has drawn the update. */
  later(callback: () => void): void
}

// j-component keeps one registry per process: every launch's components get ids of their own.
let launches = 0

/**
 * Loads a page of a weapp build as WeChat does (the components its .json uses
 * first, then the page's file) and renders it with miniprogram-simulate, whose
 * j-component/exparser runs the templates wcc compiled. Taro's Page() definition
 * becomes a component whose methods are the page's: exparser has no pages, and
 * WeChat's page is that component with lifecycles the host calls.
 */
export function renderPage({ bundle, sandbox, registry, route, onSetData, later }: PageLoad): PageView {
  const prefix = `weapp${++launches}-`
  const ids = new Map<string, string>()
  let refused: string | undefined

  const usedBy = (owner: string): Record<string, string> => {
    const { usingComponents = {} } = bundle.json<{ usingComponents?: Record<string, string> }>(`${owner}.json`)
    return Object.fromEntries(
      Object.entries(usingComponents).map(([tag, request]) => [tag, loadComponent(wechatPath(owner, request))]),
    )
  }
  const loadComponent = (file: string): string => {
    const known = ids.get(file)
    if (known) return known
    const id = `${prefix}${file.replace(/\W/g, '-')}`
    // Before its own .json: Taro's comp uses itself.
    ids.set(file, id)
    const usingComponents = usedBy(file)
    sandbox.require(`${file}.js`)
    let definition = registry.takeComponent(file)
    // Refused once drawn, not when declared: an independent subpackage's comp.json declares it whatever its pages use.
    if (path.posix.basename(file) === 'custom-wrapper') {
      definition = refusedWhenCreated(definition, () => {
        refused = `${route} draws Taro's CustomWrapper, which this host does not render: its content was seen going stale under j-component (see tools/weapp-host/README.md).`
      })
    }
    load(definitionOf(definition, id, bundle.template(`${file}.wxml`), usingComponents))
    return id
  }

  const usingComponents = usedBy(route)
  sandbox.require(`${route}.js`)
  const { data, ...members } = registry.takePage(route)
  const methods: Definition = {}
  const fields: Definition = {}
  for (const [name, value] of Object.entries(members)) (typeof value === 'function' ? methods : fields)[name] = value
  const pageId = `${prefix}page`
  load(definitionOf({ data: serialised(data), methods }, pageId, bundle.template(`${route}.wxml`), usingComponents))
  const view = render(pageId) as Drawn
  view.attach(document.createElement('div'))

  const instance = Object.assign(view.instance, fields, { route }) as PageInstance
  const setData = instance.setData
  instance.setData = (patch, callback) => {
    // WeChat sends setData to the render layer as JSON. The copy also matters here: the app's
    // objects come from its own vm realm, where exparser's `instanceof Array` is false.
    const started = performance.now()
    setData.call(instance, serialised(patch))
    onSetData(patch, performance.now() - started)
    if (callback) later(callback)
  }
  const textNodes = () => {
    const walker = document.createTreeWalker(view.dom, 4 /* NodeFilter.SHOW_TEXT */)
    const nodes: Node[] = []
    while (walker.nextNode()) nodes.push(walker.currentNode)
    return nodes
  }
  return {
    instance,
    get refused() {
      return refused
    },
    texts: () => textNodes().map((node) => node.nodeValue ?? ''),
    tap(match) {
      const node = textNodes().find((text) => match(text.nodeValue ?? ''))
      if (!node?.parentElement)
        throw new Error(`Nothing to tap: no text matches; the page shows ${JSON.stringify(this.texts())}`)
      rendererNode(view, node.parentElement).dispatchEvent('tap')
    },
    close: () => view.detach(),
  }
}

/** The definition, calling `refuse` whenever the renderer creates one of its components. */
function refusedWhenCreated(definition: Definition, refuse: () => void): Definition {
  const lifetimes = (definition.lifetimes ?? {}) as Definition
  return { ...definition, lifetimes: { ...lifetimes, created: refuse } }
}

const serialised = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)))

function definitionOf(
  definition: Definition,
  id: string,
  template: Template,
  usingComponents: Record<string, string>,
): Definition {
  return { ...definition, id, template, usingComponents }
}

/** What this host uses of j-component's rendered component (its own types are generic over WeChat's typings). */
interface Drawn {
  readonly dom: HTMLElement
  readonly instance: Definition
  dispatchEvent(eventName: string): void
  attach(parent: Node): void
  detach(): void
}

/** The renderer's handle on a drawn element, as its querySelector returns one: its class is the root's base class. */
function rendererNode(view: Drawn, element: Element): Drawn {
  const Handle = Object.getPrototypeOf(view.constructor) as new (node: unknown) => Drawn
  return new Handle((element as Element & { __wxElement: unknown }).__wxElement)
}

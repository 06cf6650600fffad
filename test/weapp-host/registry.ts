/** An App/Page/Component definition: an object of lifecycles, methods and data. */
export type Definition = Record<string, unknown>

/** What the app's code registers through WeChat's constructors, and the globals to register with. */
export interface Registry {
  globals: {
    App(definition: Definition): void
    Page(definition: Definition): void
    Component(definition: Definition): void
    getApp(): Definition | undefined
    getCurrentPages(): Definition[]
  }
  app(): Definition
  /** The Page definition the file just loaded registered. */
  takePage(file: string): Definition
  /** The page stack getCurrentPages() answers, top last. */
  pages: Definition[]
}

/** Lifecycles that would need this host to play the component, as it plays pages. */
const COMPONENT_LIFECYCLES = ['lifetimes', 'created', 'attached', 'ready', 'detached']

export function createRegistry(): Registry {
  let app: Definition | undefined
  let page: Definition | undefined
  const pages: Definition[] = []
  return {
    globals: {
      // WeChat's App instance is the definition's members; using the object itself is the same to the app.
      App(definition) {
        if (app) throw new Error('App() called twice')
        app = definition
      },
      Page(definition) {
        page = definition
      },
      // Taro's `comp` (recursive template for deep trees) has only properties and an event
      // method: WeChat would render it from page data, so registering it is all there is.
      Component(definition) {
        const lifecycle = COMPONENT_LIFECYCLES.find((name) => name in definition)
        if (lifecycle) {
          throw new Error(
            `A Component with '${lifecycle}' (e.g. Taro's custom-wrapper) needs this host to instantiate components; it does not yet.`,
          )
        }
      },
      getApp: () => app,
      getCurrentPages: () => [...pages],
    },
    app() {
      if (!app) throw new Error('app.js did not call App()')
      return app
    },
    takePage(file) {
      if (!page) throw new Error(`${file} did not call Page()`)
      const taken = page
      page = undefined
      return taken
    },
    pages,
  }
}

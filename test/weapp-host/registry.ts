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
  /** The Component definition the file just loaded registered. */
  takeComponent(file: string): Definition
  /** The page stack getCurrentPages() answers, top last. */
  pages: Definition[]
}

export function createRegistry(): Registry {
  let app: Definition | undefined
  let page: Definition | undefined
  let component: Definition | undefined
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
      Component(definition) {
        component = definition
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
    takeComponent(file) {
      if (!component) throw new Error(`${file} did not call Component()`)
      const taken = component
      component = undefined
      return taken
    },
    pages,
  }
}

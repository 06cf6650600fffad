/** An App/Page/Component definition: an object of lifecycles, methods and data. */
export type Definition = Record<string, unknown>

/** What the app's code registers through WeChat's constructors, and the globals to register with. */
export interface Registry {
  globals: {
    App(definition: Definition): void
    Page(definition: Definition): void
    Component(definition: Definition): void
    getApp(options?: { allowDefault?: boolean }): Definition | undefined
    getCurrentPages(): Definition[]
  }
  /** The App app.js registered; undefined in an independent subpackage, whose launch runs no app.js. */
  app(): Definition | undefined
  /** The Page definition the file just loaded registered. */
  takePage(file: string): Definition
  /** The Component definition the file just loaded registered. */
  takeComponent(file: string): Definition
  /** The page stack getCurrentPages() answers, top last. */
  pages: Definition[]
}

export function createRegistry(): Registry {
  let app: Definition | undefined
  let fallback: Definition | undefined
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
      // Before App() (an independent subpackage's launch), WeChat answers undefined, or an
      // empty default App for allowDefault. This host never loads the main package later, so
      // that default never merges into a real App.
      getApp: (options) => app ?? (options?.allowDefault ? (fallback ??= {}) : undefined),
      getCurrentPages: () => [...pages],
    },
    app: () => app,
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

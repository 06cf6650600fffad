import { createApp } from 'vue'
import { httpResolver, provideGroupContext } from '@opengid/taro/vue'

// Taro renders each page into the app component in place of its render, so nothing
// can wrap the pages: what its setup provides reaches every page instead. One store,
// for as long as the app lives: a group is resolved once per group entry, not per page.
const App = createApp({
  setup() {
    // The @opengid/server endpoint, fixed at build time (config/index.ts).
    provideGroupContext({ resolver: httpResolver({ url: OPENGID_RESOLVER_URL }) })
  },
})

export default App

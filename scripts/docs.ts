import { buildDocs, isSiteFresh, SITE_OUT } from '../tools/docs/buildDocs'
import { serveLocally } from '../tools/serveLocally'

/**
 * `npm run docs`: the built site from the demo's dev server, so the embedded demo reaches
 * the resolver and the fake WeChat on the site's own origin, as `npm start` serves the demo
 * alone. Builds first when the site is missing or older than its sources. For editing pages
 * with hot reload, `npx vitepress dev docs` (the try page then says the demo's server is missing).
 */
serveLocally({
  defaultPort: 4173,
  command: 'npm run docs',
  async prepare() {
    if (isSiteFresh()) console.log('The site is up to date.')
    else await buildDocs((line) => console.log(`[docs] ${line}`))
    return SITE_OUT
  },
  announce(url) {
    console.log(`\nopengid docs: ${url}/ (English: ${url}/en/)`)
  },
})

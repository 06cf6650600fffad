import { startDevServer } from '@opengid/server/dev'
import { buildDocs, isSiteFresh, SITE_OUT } from '../tools/docs/buildDocs'

/**
 * `npm run docs`: the built site from the demo's dev server, so the embedded demo reaches
 * the resolver and the fake WeChat on the site's own origin, as `npm start` serves the demo
 * alone. Builds first when the site is missing or older than its sources. For editing pages
 * with hot reload, `npx vitepress dev docs` (the try page then says the demo's server is missing).
 */
async function main() {
  const port = Number(process.env.PORT ?? 4173)
  if (isSiteFresh()) console.log('The site is up to date.')
  else await buildDocs((line) => console.log(`[docs] ${line}`))
  const server = await startDevServer({ port, staticDir: SITE_OUT })
  console.log(`\nopengid docs: ${server.url}/ (English: ${server.url}/en/)\n\nCtrl-C to stop.`)
  const stop = async () => {
    await server.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  if ((error as { code?: unknown } | null)?.code === 'EADDRINUSE') console.error('Another port? PORT=4174 npm run docs')
  process.exit(1)
})

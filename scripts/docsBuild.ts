import { buildDocs } from '../tools/docs/buildDocs'

/** `npm run docs:build`: the API reference, the demo and the static site in docs/.vitepress/dist. */
buildDocs((line) => console.log(`[docs] ${line}`)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

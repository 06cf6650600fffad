import { writeDocBlocks } from '../tools/docBlocks'
import { buildDocs } from '../tools/docs/buildDocs'
import { ROOT } from '../tools/root'
import { run } from '../tools/run'
import { taroBuild } from '../tools/taroBuild'
import { prepareConsumerApp } from '../tools/apps/consumer-app/prepare'
import { prepareTaro36App } from '../tools/apps/taro36-app/prepare'
import { prepareVueApp } from '../tools/apps/vue-app/prepare'
import { prepareServiceApp } from '../tools/service/packedService'

/**
 * Everything the test suites read that takes a build, made once before jest starts
 * (`npm test`), so no suite builds inside a hook with a wall-clock limit: the README
 * code blocks, the packages' dist (the error-identity and consumer-app suites use the
 * published form), the demo for H5 and weapp, the two fresh React apps from the
 * tarballs (Taro 4.2.1 for weapp and H5; Taro 3.6.40 for weapp, H5 and alipay), the
 * service (the server's bin, installed from its tarball), the Taro + Vue 3 example
 * (examples/vue) for weapp and H5, and the docs site with its API reference and the demo.
 */
async function main() {
  const step = (line: string) => console.log(`[test builds] ${line}`)
  const started = Date.now()
  step(`Docs code blocks: ${writeDocBlocks().length}`)
  step('packages: npm run build')
  await run('npm', ['run', 'build'], { cwd: ROOT })
  step('demo: taro build --type h5')
  await taroBuild('h5')
  // The docs site frames this same H5 build under /demo/ (fresh now, so not built twice).
  await buildDocs((line) => step(`docs: ${line}`))
  // The weapp host keeps each request's path and swaps in the dev server's origin.
  step('demo: taro build --type weapp')
  await taroBuild('weapp', { env: { OPENGID_RESOLVER_URL: '' } })
  await prepareConsumerApp(step)
  await prepareTaro36App(step)
  await prepareServiceApp(step)
  await prepareVueApp(step)
  step(`done in ${Math.round((Date.now() - started) / 1000)} s`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

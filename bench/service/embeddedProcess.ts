import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type * as Server from '@opengid/server'
import { SERVICE_DIR } from '../../tools/service/packedService'
import { APP_ID, APP_SECRET } from './protocol'

/**
 * The embedded handler as a Node API runs it: createNodeHandler on node:http, in a
 * process of its own, with the same tickets and WeChat as the service, and from the
 * same packed build the service runs (not the repository's source under tsx), so
 * the two differ by what the service adds and nothing else.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the packed package, installed outside the repository
const { createNodeHandler } = require(path.join(SERVICE_DIR, 'node_modules/@opengid/server')) as typeof Server
const [endpoint, ticketKey] = process.argv.slice(2)
const server = createServer(createNodeHandler({ appId: APP_ID, secret: APP_SECRET, ticketKey, endpoint }))
server.listen(0, '127.0.0.1', () => {
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
})
process.once('disconnect', () => server.close())

import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createNodeHandler } from '@opengid/server'
import { APP_ID, APP_SECRET } from './protocol'

/**
 * The embedded handler as a Node API runs it: createNodeHandler on node:http, in a
 * process of its own, with the same tickets and WeChat as the service.
 */
const [endpoint, ticketKey] = process.argv.slice(2)
const server = createServer(createNodeHandler({ appId: APP_ID, secret: APP_SECRET, ticketKey, endpoint }))
server.listen(0, '127.0.0.1', () => {
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
})
process.once('disconnect', () => server.close())

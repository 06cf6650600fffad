import { createFakeWeChat } from '@opengid/server/dev'
import { coldBodies, warmBodies } from '../handler/bodies'
import { APP_ID, APP_SECRET, type BodiesAnswer, type BodiesRequest, type FakeReady } from './protocol'

/**
 * The fake WeChat in a process of its own, which both servers under test call for
 * code2Session, and which makes the request bodies (its codes and session keys live
 * here). Neither the embedded handler nor the service shares its event loop.
 */
async function main() {
  const fake = createFakeWeChat({ appId: APP_ID, secret: APP_SECRET })
  const served = await fake.listen()
  // The bodies helpers take a dev server; they read only its fake and its url.
  process.on('message', (message: BodiesRequest) => {
    const server = { fake, url: message.url } as Parameters<typeof coldBodies>[0]
    const made =
      message.path === 'cold'
        ? Promise.resolve(coldBodies(server, message.count, message.users))
        : warmBodies(server, message.count, message.users)
    void made.then((bodies) => process.send?.({ bodies } satisfies BodiesAnswer))
  })
  process.once('disconnect', () => void served.close())
  process.send?.({ url: served.url } satisfies FakeReady)
}

void main()

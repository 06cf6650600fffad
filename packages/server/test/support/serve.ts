import { createServer, type RequestListener } from 'node:http'
import { closeServer, listen } from '../../src/dev/listen'

export interface Served {
  url: string
  close(): Promise<void>
}

/** Serves a listener on 127.0.0.1, on a free port. */
export async function serve(listener: RequestListener): Promise<Served> {
  const server = createServer(listener)
  const { url } = await listen(server, 0, '127.0.0.1')
  return { url, close: () => closeServer(server) }
}

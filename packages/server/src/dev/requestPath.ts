import type { IncomingMessage } from 'node:http'

/** The path of a request without its query, undecoded. Never throws, whatever the request line holds. */
export function requestPath(req: IncomingMessage): string {
  return (req.url ?? '').split('?', 1)[0]
}

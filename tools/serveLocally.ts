import { startDevServer } from '@opengid/server/dev'

export interface ServeLocally {
  /** The port when PORT is not set. */
  defaultPort: number
  /** The npm command, for the hint when the port is taken. */
  command: string
  /** Builds what is stale and returns the folder to serve. */
  prepare(): Promise<string>
  /** What to print once the server answers. */
  announce(url: string): void
}

/**
 * What `npm start` and `npm run docs` share: static files and the fake WeChat with the
 * resolver from one dev server on 127.0.0.1 (same origin, so the demo's /api answers),
 * stopped by Ctrl-C or SIGTERM, and one line of advice when the port is taken.
 */
export function serveLocally({ defaultPort, command, prepare, announce }: ServeLocally): void {
  const port = Number(process.env.PORT ?? defaultPort)
  const serve = async () => {
    const server = await startDevServer({ port, staticDir: await prepare() })
    announce(server.url)
    console.log('\nCtrl-C to stop.')
    const stop = async () => {
      await server.close()
      console.log('Stopped.')
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
  serve().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    if ((error as { code?: unknown } | null)?.code === 'EADDRINUSE')
      console.error(`Another port? PORT=${port + 1} ${command}`)
    process.exit(1)
  })
}

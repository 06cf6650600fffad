import { ask, forkTs } from '../childProcess'
import { EXCHANGES, type ExchangesAnswer, type ServerConfig, type ServerReady } from './protocol'

export interface ServerProcess {
  ready: ServerReady
  /** code2Session requests the process's fake WeChat has answered so far. */
  exchanges(): Promise<number>
  stop(): Promise<void>
}

/** Starts bench/handler/server.ts in a child process and resolves once it listens with its bodies made. */
export async function startServerProcess(config: ServerConfig): Promise<ServerProcess> {
  const { child, ready, stop } = await forkTs<ServerReady>('handler/server.ts', [JSON.stringify(config)])
  const exchanges = async () => (await ask<ExchangesAnswer>(child, EXCHANGES)).exchanges
  return { ready, exchanges, stop }
}

/** What the bench asks of a server process: its one argument, as JSON. */
export interface ServerConfig {
  /** How many request bodies to make, one per request. */
  requests: number
  /** cold: each body carries a login code of its own; warm: the session of an earlier cold request. */
  path: 'cold' | 'warm'
  /** Sessions in this Redis (redis://127.0.0.1:port); without it, in the handler's memory. */
  redisUrl?: string
}

/** What the server process tells the bench once it listens and has made the request bodies. */
export interface ServerReady {
  url: string
  bodies: string[]
}

/** The bench's question, by IPC, and the server process's answer: code2Session requests its fake has answered. */
export const EXCHANGES = 'exchanges'
export interface ExchangesAnswer {
  exchanges: number
}

export const API_PATH = '/api/opengid'

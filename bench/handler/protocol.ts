/** What the server process tells the bench once it listens and has made the request bodies. */
export interface ServerReady {
  url: string
  /** One JSON body per request, each with its own unused login code. */
  bodies: string[]
}

export const API_PATH = '/api/opengid'

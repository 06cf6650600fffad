import { randomBytes } from 'node:crypto'
import {
  createFetchHandler,
  createNodeHandler,
  type FetchLike,
  type HandlerOptions,
  type ResolvedGroup,
} from '@opengid/server'
import { encryptOpenData } from '@opengid/server/dev'
import { CREDENTIALS } from '../support/fixtures'
import { postJson } from '../support/http'
import { serve } from '../support/serve'

// A bug past every typed check, which is what a 500 is for. (jest.mock may use only `mock…` names.)
const mockBug = new TypeError("Cannot read properties of undefined (reading 'opengid')")
jest.mock('../../src/openData/groupFromPayload', () => ({
  groupFromPayload: (): ResolvedGroup => {
    throw mockBug
  },
}))

const sessionKey = randomBytes(16).toString('base64')
const wechat: FetchLike = async () => ({
  status: 200,
  text: async () => JSON.stringify({ openid: 'o-user', session_key: sessionKey }),
})
const body = { code: 'a-login-code', ...encryptOpenData(sessionKey, { opengid: 'G' }) }

/** One request through each handler; the node handler's own promise must resolve too. */
const handlers: Record<string, (options: HandlerOptions) => Promise<{ status: number; json: unknown }>> = {
  async createNodeHandler(options) {
    const handler = createNodeHandler(options)
    let handled: Promise<void> | undefined
    const api = await serve((req, res) => void (handled = handler(req, res)))
    try {
      const { status, json } = await postJson(api.url, body)
      await handled
      return { status, json }
    } finally {
      await api.close()
    }
  },
  async createFetchHandler(options) {
    const request = new Request('http://127.0.0.1/api/opengid', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const response = await createFetchHandler(options)(request)
    return { status: response.status, json: await response.json() }
  },
}

const reporterFailure = new Error('the error tracker is down')
const reporters: [string, (reported: unknown[]) => HandlerOptions['onInternalError']][] = [
  [
    'throws',
    (reported) => (error) => {
      reported.push(error)
      throw reporterFailure
    },
  ],
  [
    'rejects',
    (reported) => async (error) => {
      reported.push(error)
      throw reporterFailure
    },
  ],
]

describe.each(Object.entries(handlers))('%s', (_name, answer) => {
  let consoleError: jest.SpyInstance
  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  })
  afterEach(() => consoleError.mockRestore())

  test.each(reporters)(
    'a bug is still 500 INTERNAL when onInternalError %s; the console gets both',
    async (_, make) => {
      const reported: unknown[] = []
      const options = { ...CREDENTIALS, fetch: wechat, onInternalError: make(reported) }

      expect(await answer(options)).toEqual({
        status: 500,
        json: { error: { code: 'INTERNAL', message: 'internal server error' } },
      })
      expect(reported).toEqual([mockBug])
      expect(consoleError).toHaveBeenCalledWith(expect.any(String), reporterFailure, expect.any(String), mockBug)
    },
  )
})

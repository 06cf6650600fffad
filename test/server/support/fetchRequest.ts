import type { HttpRequest } from '@opengid/taro'

/**
 * httpResolver's `request` as Taro.request behaves, over real HTTP with fetch:
 * `{ statusCode, data }` for any answer, a `request:fail` rejection when there
 * is none. Every answer's text goes to `seen`, to check what crossed the wire.
 */
export function fetchRequest(seen: string[]): HttpRequest {
  return ({ url, method, header, data }) => {
    const controller = new AbortController()
    const task = (async () => {
      let response: Response
      try {
        response = await fetch(url, { method, headers: header, body: JSON.stringify(data), signal: controller.signal })
      } catch (error) {
        throw { errMsg: `request:fail ${(error as Error).message}` }
      }
      const text = await response.text()
      seen.push(text)
      return { statusCode: response.status, data: parse(text) }
    })()
    return Object.assign(task, { abort: () => controller.abort() })
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

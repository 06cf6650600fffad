import { useGroupRequest } from '@opengid/taro'
import { useEffect, useState } from 'react'
import { apiBase } from '../demo/platform'

/** The demo server's error body, `{ error: { code, message } }`, as a line a person can read. */
function problemOf(service: string, statusCode: number, data: unknown): string {
  const code = (data as { error?: { code?: unknown } } | null)?.error?.code
  return `The ${service} service answered ${statusCode}${typeof code === 'string' ? ` (${code})` : ''}.`
}

/**
 * One of the room's lists on the demo's own API, `/api/rooms/:roomId/:feature`, read
 * with the ticket: the server trusts the room (group or single chat) only through the
 * ticket (`requireGroupTicket`), never through the id in the URL.
 */
export function useGroupList<T>(roomId: string, feature: 'checkins' | 'todos', service: string) {
  const request = useGroupRequest()
  const url = `${apiBase}/rooms/${encodeURIComponent(roomId)}/${feature}`
  const [list, setList] = useState<T[]>()
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    let live = true
    request<Record<string, T[]>>({ url }).then(
      (res) => {
        if (!live) return
        if (res.statusCode === 200) setList(res.data[feature])
        else setProblem(problemOf(service, res.statusCode, res.data))
      },
      (error: Error) => live && setProblem(error.message),
    )
    return () => {
      live = false
    }
  }, [request, url, feature, service])

  /** POSTs `data` as JSON; the server answers `{ [item]: T }`, which joins the list. Resolves whether it did. */
  const add = async (item: string, data?: Record<string, unknown>): Promise<boolean> => {
    try {
      const json = data === undefined ? {} : { data, header: { 'content-type': 'application/json' } }
      const res = await request<Record<string, T>>(Object.assign({ url, method: 'POST' as const }, json))
      if (res.statusCode === 200 || res.statusCode === 201) {
        setList((current) => [...(current ?? []), res.data[item]])
        setProblem(undefined)
        return true
      }
      setProblem(problemOf(service, res.statusCode, res.data))
    } catch (error) {
      setProblem((error as Error).message)
    }
    return false
  }

  return { list, problem, add }
}

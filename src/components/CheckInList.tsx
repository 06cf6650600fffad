import { Button, Text, View } from '@tarojs/components'
import { useGroupRequest } from '@opengid/taro'
import { useEffect, useState } from 'react'
import { apiBase } from '../demo/platform'

interface CheckIn {
  user: string
  at: number
}

/** The demo server's error body, `{ error: { code, message } }`, as a line a person can read. */
function problemOf(statusCode: number, data: unknown): string {
  const code = (data as { error?: { code?: unknown } } | null)?.error?.code
  return `The check-in service answered ${statusCode}${typeof code === 'string' ? ` (${code})` : ''}.`
}

/**
 * A group-scoped feature on the app's own API: the server keeps check-ins per group
 * and trusts the group only through the ticket (`requireGroupTicket`), never through
 * the opengid in the URL, so everyone opened from this group sees the same list.
 */
export function CheckInList({ opengid }: { opengid: string }) {
  const request = useGroupRequest()
  const url = `${apiBase}/groups/${encodeURIComponent(opengid)}/checkins`
  const [checkIns, setCheckIns] = useState<CheckIn[]>()
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    let live = true
    request<{ checkins: CheckIn[] }>({ url }).then(
      (res) => {
        if (!live) return
        if (res.statusCode === 200) setCheckIns(res.data.checkins)
        else setProblem(problemOf(res.statusCode, res.data))
      },
      (error: Error) => live && setProblem(error.message),
    )
    return () => {
      live = false
    }
  }, [request, url])

  const checkIn = async () => {
    try {
      const res = await request<{ checkin: CheckIn }>({ url, method: 'POST' })
      if (res.statusCode === 201) setCheckIns((list) => [...(list ?? []), res.data.checkin])
      else setProblem(problemOf(res.statusCode, res.data))
    } catch (error) {
      setProblem((error as Error).message)
    }
  }

  return (
    <View className='checkins'>
      <Text className='title'>Group check-in</Text>
      <Button className='check-in' onClick={checkIn}>
        Check in
      </Button>
      {problem ? <Text className='problem'>{problem}</Text> : null}
      {checkIns === undefined ? (
        <Text className='empty'>Loading the group's check-ins…</Text>
      ) : checkIns.length === 0 ? (
        <Text className='empty'>Nobody has checked in to this group yet.</Text>
      ) : (
        checkIns.map((entry, i) => (
          <Text key={i} className='entry'>
            {`${entry.user} checked in at ${new Date(entry.at).toLocaleTimeString()}`}
          </Text>
        ))
      )}
    </View>
  )
}

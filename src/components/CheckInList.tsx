import { Button, Text, View } from '@tarojs/components'
import { useGroupList } from './useGroupList'

interface CheckIn {
  user: string
  at: number
}

/** A group-scoped feature on the app's own API: everyone opened from this group sees the same check-ins. */
export function CheckInList({ roomId }: { roomId: string }) {
  const { list: checkIns, problem, add } = useGroupList<CheckIn>(roomId, 'checkins', 'check-in')
  const checkIn = () => void add('checkin')

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

import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

/** Check-ins are kept per group: the opengid is the key, so each group sees only its own. */
const storageKey = (opengid: string) => `checkins:${opengid}`

function load(opengid: string): string[] {
  const saved: unknown = Taro.getStorageSync(storageKey(opengid))
  return Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string') : []
}

/** A small group-scoped feature: a check-in list for the group the app was opened from. */
export function CheckInList({ opengid }: { opengid: string }) {
  const [checkIns, setCheckIns] = useState(() => load(opengid))
  const checkIn = () => {
    const next = [...checkIns, new Date().toLocaleTimeString()]
    Taro.setStorageSync(storageKey(opengid), next)
    setCheckIns(next)
  }
  return (
    <View className='checkins'>
      <Text className='title'>Group check-in</Text>
      <Button className='check-in' onClick={checkIn}>
        Check in
      </Button>
      {checkIns.length === 0 ? (
        <Text className='empty'>Nobody has checked in to this group yet.</Text>
      ) : (
        checkIns.map((time, i) => (
          <Text key={i} className='entry'>
            You checked in at {time}
          </Text>
        ))
      )}
    </View>
  )
}

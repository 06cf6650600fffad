import { View, Text } from '@tarojs/components'
import { GroupContext, GroupGate, httpResolver, useGroupEnterInfo } from '@opengid/taro'

const resolver = httpResolver({ url: OPENGID_RESOLVER_URL })

function Status() {
  const status = useGroupEnterInfo((s) => s.status)
  return <Text className='status'>{status}</Text>
}

export default function Index() {
  return (
    <GroupContext resolver={resolver}>
      <View className='index'>
        <Status />
        <GroupGate fallback={<Text>Loading…</Text>}>{(opengid) => <Text className='opengid'>{opengid}</Text>}</GroupGate>
      </View>
    </GroupContext>
  )
}

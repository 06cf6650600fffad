import { Text, View } from '@tarojs/components'
import { useGroupEnterInfo, type GroupEnterState } from '@opengid/taro'
import { describeChatType } from './describe'

const HEADLINES: Record<GroupEnterState['status'], string> = {
  idle: 'Waiting for the launch…',
  loading: 'Finding out which group you came from…',
  resolved: 'Opened from a group chat',
  none: 'Not opened from a group chat',
  unsupported: 'Group information is not available here',
  error: 'Could not get the group',
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='row'>
      <Text className='label'>{label}</Text>
      <Text className='value'>{value}</Text>
    </View>
  )
}

/** Everything the kit knows about this launch, as a person would want to read it. */
export function StatusPanel() {
  const state = useGroupEnterInfo()
  return (
    <View className='panel'>
      <Text className={`headline status-${state.status}`}>
        {state.roomType === 'single' ? 'Opened from a single chat' : HEADLINES[state.status]}
      </Text>
      <Row label='status' value={state.status} />
      <Row label='room' value={state.roomType ? `${state.roomType} · ${state.roomId}` : '—'} />
      <Row label='opengid' value={state.opengid ?? '—'} />
      <Row label='chat type' value={describeChatType(state.chatType)} />
      <Row label='scene' value={state.scene === undefined ? '—' : String(state.scene)} />
      <Row label='source' value={state.source ?? '—'} />
    </View>
  )
}

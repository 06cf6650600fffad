import { Button, Text, View } from '@tarojs/components'
import { GroupGate, GroupName, useGroupEnterInfo } from '@opengid/taro'
import { CheckInList } from './CheckInList'
import { GroupTodo } from './GroupTodo'
import { describeError } from './describe'

/** The room-scoped part of the page: only a resolved room (group or single chat) gets past the gate. */
export function GroupSection() {
  // Inside the chat tool the group's feature is its to-do list; from a group card, the check-in.
  const inChatTool = useGroupEnterInfo((state) => state.source === 'getChatToolInfo')
  return (
    <GroupGate
      fallback={<Text className='note'>Loading the group…</Text>}
      none={<Text className='note'>Open this mini program from a group chat card to check in with your group.</Text>}
      unsupported={
        <Text className='note'>
          This app can't tell which group it was opened from here (not WeChat, or a base library that is too old).
        </Text>
      }
      error={(error, refresh) => {
        const { text, canRetry } = describeError(error)
        return (
          <View className='error'>
            <Text className='note'>{text}</Text>
            {canRetry ? <Button onClick={() => void refresh()}>Try again</Button> : null}
          </View>
        )
      }}
    >
      {(roomId, room) => (
        <View className='group'>
          {/* WeChat draws a group's name; a single chat has none to draw. */}
          {room.roomType === 'group' ? (
            <GroupName fallback={<Text className='group-name'>Group {roomId}</Text>} />
          ) : (
            <Text className='group-name'>Single chat {roomId}</Text>
          )}
          {inChatTool ? <GroupTodo key={roomId} roomId={roomId} /> : <CheckInList key={roomId} roomId={roomId} />}
        </View>
      )}
    </GroupGate>
  )
}

import { Button, Input, Text, View } from '@tarojs/components'
import { useGroupEnterInfo } from '@opengid/taro'
import { useState } from 'react'
import { useGroupList } from './useGroupList'

interface Todo {
  id: number
  text: string
  /** The group_openid of the member who added it. */
  by: string
}

/**
 * The chat tool's feature: one to-do list per group. Inside the chat tool members
 * know each other by group_openid; the server takes the adder's from the ticket,
 * never from the request, so nobody can add in another member's name.
 */
export function GroupTodo({ roomId }: { roomId: string }) {
  const me = useGroupEnterInfo((state) => state.groupOpenid)
  const { list: todos, problem, add } = useGroupList<Todo>(roomId, 'todos', 'to-do')
  const [draft, setDraft] = useState('')
  const addDraft = async () => {
    if (await add('todo', { text: draft })) setDraft('')
  }

  return (
    <View className='todos'>
      <Text className='title'>Group to-do</Text>
      <Text className='note'>{`You are ${me ?? '—'} in this chat.`}</Text>
      <Input
        className='todo-input'
        placeholder='Something for the group to do'
        value={draft}
        onInput={(event) => setDraft(event.detail.value)}
      />
      <Button className='add-todo' onClick={addDraft}>
        Add
      </Button>
      {problem ? <Text className='problem'>{problem}</Text> : null}
      {todos === undefined ? (
        <Text className='empty'>Loading the group's to-do list…</Text>
      ) : todos.length === 0 ? (
        <Text className='empty'>Nothing to do in this group yet.</Text>
      ) : (
        todos.map((todo) => (
          <Text key={todo.id} className='entry'>
            {`${todo.text} — ${todo.by === me ? 'you' : todo.by}`}
          </Text>
        ))
      )}
    </View>
  )
}

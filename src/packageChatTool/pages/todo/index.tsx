import { View } from '@tarojs/components'
import { GroupContext } from '@opengid/taro'
import { GroupSection } from '../../../components/GroupSection'
import { StatusPanel } from '../../../components/StatusPanel'
import { bridge, resolver } from '../../../demo/platform'
import '../../../pages/index/index.css'

// The chat tool is an independent subpackage: Taro does not run app.tsx for it, so the
// page holds its own provider, and says where it is, whatever the launch options say.
export default function ChatToolTodo() {
  return (
    <GroupContext bridge={bridge} resolver={resolver} mode='chatTool' allowSingleChat>
      <View className='index'>
        <StatusPanel />
        <GroupSection />
      </View>
    </GroupContext>
  )
}

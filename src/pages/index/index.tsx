import { View } from '@tarojs/components'
import { GroupContext } from '@opengid/taro'
import { GroupSection } from '../../components/GroupSection'
import { StatusPanel } from '../../components/StatusPanel'
import { ScenarioLinks, bridge, resolver } from '../../demo/platform'
import './index.css'

export default function Index() {
  return (
    <GroupContext bridge={bridge} resolver={resolver}>
      <View className='index'>
        <StatusPanel />
        <GroupSection />
        <ScenarioLinks />
      </View>
    </GroupContext>
  )
}

import { View } from '@tarojs/components'
import { GroupSection } from '../../components/GroupSection'
import { StatusPanel } from '../../components/StatusPanel'
import { ScenarioLinks } from '../../demo/platform'
import './index.css'

export default function Index() {
  return (
    <View className='index'>
      <StatusPanel />
      <GroupSection />
      <ScenarioLinks />
    </View>
  )
}

import { tmpdir } from 'node:os'
import path from 'node:path'
import { prepareConsumerApp, type ConsumerApp } from '../consumer-app/prepare'

/**
 * The lower end of the kit's Taro range: a fresh Taro 3.6.40 React + TypeScript app
 * (the newest 3.6 the registry serves), from that version's CLI template (template/,
 * trimmed like the 4.2.1 app's: no lint or unit-test tooling). Same quickstart, same
 * tarballs, same checks as the 4.2.1 app; also built for alipay, the one platform
 * without a group API whose plugin the registry has at the app's own Taro version.
 */
export const TARO36_APP: ConsumerApp = {
  label: 'Taro 3.6.40',
  dir: path.join(tmpdir(), 'opengid-taro36-app'),
  template: path.join(__dirname, 'template'),
  targets: ['weapp', 'h5', 'alipay'],
}

export const prepareTaro36App = (log?: (line: string) => void): Promise<void> => prepareConsumerApp(log, TARO36_APP)

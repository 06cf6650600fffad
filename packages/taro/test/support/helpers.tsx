import { render } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import { GroupContext, type GroupContextProps } from '@opengid/taro'

export { deferred } from './deferred'

export function renderInGroup(children: ReactNode, props: GroupContextProps, { strict = false } = {}) {
  const tree = <GroupContext {...props}>{children}</GroupContext>
  return render(strict ? <StrictMode>{tree}</StrictMode> : tree)
}

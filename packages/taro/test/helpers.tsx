import { render } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import { GroupContext, type GroupContextProps } from '@opengid/taro'

/** A promise with its settle functions outside, to control exactly when a call answers. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

export function renderInGroup(children: ReactNode, props: GroupContextProps, { strict = false } = {}) {
  const tree = <GroupContext {...props}>{children}</GroupContext>
  return render(strict ? <StrictMode>{tree}</StrictMode> : tree)
}

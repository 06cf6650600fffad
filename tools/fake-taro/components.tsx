import type { ReactNode } from 'react'

/** Stand-ins for `@tarojs/components` in jest: plain elements that show their props. */
export function View({ children, className }: { children?: ReactNode; className?: string }) {
  return <div className={className}>{children}</div>
}

export function Text({ children }: { children?: ReactNode }) {
  return <span>{children}</span>
}

export function OpenData({ type, openGid }: { type: string; openGid?: string }) {
  return <span data-open-data={type} data-open-gid={openGid} />
}

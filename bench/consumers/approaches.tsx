import { createContext, useContext, useEffect, useState, type ComponentType, type ReactNode } from 'react'
import { GroupContext, useGroupEnterInfo, useOpenGid, type GroupEnterState } from '@opengid/taro'
import { fetchOpenGid, getEnterOptionsSync, type Env } from './env'

/** Renders per consumer, by consumer index; bumped in each consumer's body, so one entry per render. */
export interface Tally {
  opengid: number[]
  scene: number[]
}

export interface ReaderProps {
  index: number
  tally: Tally
}

/** One way of getting the opengid to many components, wired to one scenario's counting WeChat and server. */
export interface Approach {
  Root: ComponentType<{ children: ReactNode }>
  /** Shows the opengid: must re-render once when it arrives. */
  OpenGidReader: ComponentType<ReaderProps>
  /** Shows the launch scene, known before anything resolves: ideally never re-renders. */
  SceneReader: ComponentType<ReaderProps>
}

export type ApproachName = 'kit' | 'naive hook' | 'useState context'

interface SimpleState {
  scene?: number
  opengid?: string
}

function OpenGidView({ opengid }: { opengid: string | undefined }) {
  return <span data-opengid=''>{opengid ?? '…'}</span>
}

const selectScene = (state: GroupEnterState) => state.scene

function kit(env: Env): Approach {
  return {
    Root: ({ children }) => (
      <GroupContext bridge={env.bridge} resolver={env.resolver}>
        {children}
      </GroupContext>
    ),
    OpenGidReader({ index, tally }) {
      tally.opengid[index]++
      return <OpenGidView opengid={useOpenGid()} />
    },
    SceneReader({ index, tally }) {
      tally.scene[index]++
      return <span>{useGroupEnterInfo(selectScene)}</span>
    },
  }
}

/** Fetches in an effect and keeps the answer in component state, as hand-written code usually does. */
function useFetchedState(env: Env): SimpleState {
  const [state, setState] = useState<SimpleState>(() => ({ scene: getEnterOptionsSync(env).scene }))
  useEffect(() => {
    let mounted = true
    void fetchOpenGid(env).then((opengid) => mounted && setState((previous) => ({ ...previous, opengid })))
    return () => {
      mounted = false
    }
  }, [env])
  return state
}

/**
 * Baseline (a): every component that needs the opengid calls the hook, so
 * every one of them fetches. A component that needs only the scene has no
 * reason to fetch: it reads the enter options, as such code does.
 */
function naiveHook(env: Env): Approach {
  return {
    Root: ({ children }) => <>{children}</>,
    OpenGidReader({ index, tally }) {
      tally.opengid[index]++
      return <OpenGidView opengid={useFetchedState(env).opengid} />
    },
    SceneReader({ index, tally }) {
      tally.scene[index]++
      return <span>{getEnterOptionsSync(env).scene}</span>
    },
  }
}

/**
 * Baseline (b): the provider fetches once and puts its useState object in
 * context. Scene readers take the scene from that context too: holding the
 * launch's state for the tree is what the provider is for.
 */
function stateContext(env: Env): Approach {
  const State = createContext<SimpleState>({})
  return {
    Root: ({ children }) => <State.Provider value={useFetchedState(env)}>{children}</State.Provider>,
    OpenGidReader({ index, tally }) {
      tally.opengid[index]++
      return <OpenGidView opengid={useContext(State).opengid} />
    },
    SceneReader({ index, tally }) {
      tally.scene[index]++
      return <span>{useContext(State).scene}</span>
    },
  }
}

export const APPROACHES: Record<ApproachName, (env: Env) => Approach> = {
  kit,
  'naive hook': naiveHook,
  'useState context': stateContext,
}

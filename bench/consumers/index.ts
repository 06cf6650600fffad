// dom must come first: react-dom looks for a DOM when it loads.
import './dom'
import { table } from '../markdown'
import type { Section } from '../section'
import type { ApproachName } from './approaches'
import { measureScenario, type ScenarioResult } from './measure'

const SIZES = [1, 10, 100]
const ORDER: ApproachName[] = ['kit', 'naive hook', 'useState context']

const span = ({ min, max }: { min: number; max: number }) => (min === max ? `${min}` : `${min}–${max}`)

async function each(sceneReaders: (n: number) => number): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = []
  for (const n of SIZES) for (const approach of ORDER) results.push(await measureScenario(approach, n, sceneReaders(n)))
  return results
}

/** The `calls` and `renders` sections: calls per group entry, then renders and commits. */
export async function measureConsumers(): Promise<Section[]> {
  const calls = await each(() => 0)
  const renders = await each((n) => n)
  return [
    {
      id: 'calls',
      title: 'Calls per group entry (N components read the opengid)',
      markdown: table(
        ['approach', 'N', 'login', 'getGroupEnterInfo', 'resolver'],
        calls.map((r) => [r.approach, r.readers, r.logins, r.bridgeCalls, r.resolverCalls]),
      ),
      data: calls,
    },
    {
      id: 'renders',
      title: 'Renders from mount to resolved (N opengid readers + N scene readers)',
      markdown: table(
        ['approach', 'N', 'renders per opengid reader', 'renders per scene reader', 'commits'],
        renders.map((r) => [r.approach, r.readers, span(r.opengidRenders), span(r.sceneRenders), r.commits]),
      ),
      data: renders,
    },
  ]
}

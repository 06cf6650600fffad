import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { FIGURES_FOLDER_VARIABLE, type Figure } from '../../../tools/faultFigures'
import type { Sample } from './probe'

export type { Figure }

/** What a run of samples says about a fault that ended at `faultEnd` (ms of the run), if it did. */
export function figureOf(fault: string, client: string, samples: Sample[], faultEnd?: number): Figure {
  const answers: Record<string, number> = {}
  for (const { status, code } of samples) {
    const key = status === 200 ? '200' : `${status} ${code}`
    answers[key] = (answers[key] ?? 0) + 1
  }
  return {
    fault,
    client,
    requests: samples.length,
    answers,
    maxHeldMs: Math.round(Math.max(0, ...samples.map((s) => s.endedAt - s.startedAt))),
    recoveredAfterMs: faultEnd === undefined ? null : recovery(samples, faultEnd),
  }
}

function recovery(samples: Sample[], faultEnd: number): number {
  const lastFailureStart = Math.max(-Infinity, ...samples.filter(isServerError).map((s) => s.startedAt))
  const healed = samples.find((s) => s.status === 200 && s.startedAt >= lastFailureStart && s.startedAt >= faultEnd)
  return healed === undefined ? Infinity : Math.max(0, Math.round(healed.endedAt - faultEnd))
}

export const isServerError = (sample: Sample) => sample.status === 0 || sample.status >= 500

/**
 * Keeps a suite's figures for `npm run faults`, which renders them into
 * docs/RELIABILITY.md: written only when that run names a folder for them.
 */
export function keepFigures(suite: string): (figure: Figure) => void {
  const figures: Figure[] = []
  afterAll(() => {
    const folder = process.env[FIGURES_FOLDER_VARIABLE]
    if (folder === undefined || figures.length === 0) return
    mkdirSync(folder, { recursive: true })
    writeFileSync(path.join(folder, `${suite}.json`), JSON.stringify(figures, null, 2))
  })
  return (figure) => void figures.push(figure)
}

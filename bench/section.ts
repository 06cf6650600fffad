/**
 * The ids results.json files its sections under. They are fixed so that
 * results of different runs (and commits) can be compared section by section,
 * whatever the titles say.
 */
export const SECTION_IDS = [
  'calls',
  'renders',
  'size',
  'decrypt',
  'handler',
  'handler-sessions',
  'service',
  'weapp',
  'weapp-warm',
] as const
export type SectionId = (typeof SECTION_IDS)[number]

/** One section's result: markdown for people, data for results.json. */
export interface Section {
  id: SectionId
  title: string
  markdown: string
  data: unknown
}

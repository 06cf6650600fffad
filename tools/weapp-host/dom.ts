import { JSDOM } from 'jsdom'

/**
 * WeChat's component renderer (j-component on exparser, used by miniprogram-simulate)
 * draws into a browser DOM and reads it from globals, so this process gets one
 * document. Every app this host launches draws into its own element of it.
 */
const names = ['window', 'document', 'Event', 'CustomEvent', 'TouchEvent', 'Touch'] as const

const scope = globalThis as Record<string, unknown>
if (!scope.document) {
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>')
  for (const name of names) scope[name] = name === 'window' ? window : window[name as keyof typeof window]
}

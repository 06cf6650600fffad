import { JSDOM } from 'jsdom'

// react-dom decides at load time whether it can use a DOM (and reads
// navigator.userAgent), so this module must be imported before it (index.ts
// imports it first). Node 20 has no navigator of its own to overwrite. React's
// scheduler keeps Node's setImmediate, so commits are spaced as in a browser.
const { window } = new JSDOM('<!doctype html><html><body></body></html>')
Object.assign(globalThis, { window, document: window.document, navigator: window.navigator })

/** A fresh element to mount one scenario into. */
export function container(): HTMLElement {
  return window.document.body.appendChild(window.document.createElement('div'))
}

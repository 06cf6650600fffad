// Preloaded (`node --import`) so @opengid/taro's dist loads in plain node:
// @tarojs/taro and @tarojs/components need a mini program or a browser to load,
// and the error classes need neither, so both resolve to an empty stand-in, for
// import (a resolve hook) and for require (the CJS resolver).
import Module, { register } from 'node:module'

const STUB = new URL('./taroPeerStub.cjs', import.meta.url)
const PEERS = new Set(['@tarojs/taro', '@tarojs/components'])

register(
  `data:text/javascript,${encodeURIComponent(`
    const PEERS = new Set(${JSON.stringify([...PEERS])})
    export async function resolve(specifier, context, next) {
      return PEERS.has(specifier) ? { url: ${JSON.stringify(STUB.href)}, shortCircuit: true } : next(specifier, context)
    }
  `)}`,
)

const resolveFilename = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  return PEERS.has(request) ? STUB.pathname : resolveFilename.call(this, request, ...rest)
}

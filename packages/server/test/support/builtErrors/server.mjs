// `node server.mjs`: loads @opengid/server as an app gets it, through its
// package.json exports (dist/index.cjs by require, dist/index.js by import),
// and reports the error classes' identity across the two. Also errors the
// package throws itself, not only ones built with `new`.
import { createRequire } from 'node:module'
import { identityChecks, report } from './identityChecks.mjs'

const cjs = createRequire(import.meta.url)('@opengid/server')
const esm = await import('@opengid/server')
const copies = { cjs, esm }

const openData = identityChecks(copies, 'OpenDataError', ['DECRYPT', 'x'], { name: 'WeChatApiError', args: [-2, 'x'] })
const weChatApi = identityChecks(copies, 'WeChatApiError', [-2, 'x'], { name: 'OpenDataError', args: ['DECRYPT', 'x'] })
const groupTicket = identityChecks(copies, 'GroupTicketError', ['MISSING'], {
  name: 'SessionError',
  args: ['SESSION_EXPIRED', 'x'],
})
const session = identityChecks(copies, 'SessionError', ['SESSION_EXPIRED', 'x'], {
  name: 'GroupTicketError',
  args: ['EXPIRED'],
})

const thrown = {}
const unreachable = () => Promise.reject(new Error('no network in this check'))
for (const [fromName, from] of Object.entries(copies)) {
  const decryptFailure = catchSync(() => from.decryptOpenData({ sessionKey: '', encryptedData: '', iv: '' }))
  const sessionFailure = await from
    .code2Session({ appId: 'wx0', secret: 's', code: 'c', fetch: unreachable })
    .catch((error) => error)
  const ticketFailure = await from
    .verifyGroupTicket('not.a.ticket', { ticketSecret: 'x'.repeat(32), appId: 'wx0' })
    .catch((error) => error)
  for (const [toName, to] of Object.entries(copies)) {
    thrown[`decryptOpenData of ${fromName} throws a ${toName} OpenDataError`] =
      decryptFailure instanceof to.OpenDataError
    thrown[`code2Session of ${fromName} throws a ${toName} WeChatApiError`] =
      sessionFailure instanceof to.WeChatApiError
    thrown[`verifyGroupTicket of ${fromName} throws a ${toName} GroupTicketError`] =
      ticketFailure instanceof to.GroupTicketError
  }
}

report({
  mustHold: { ...openData.mustHold, ...weChatApi.mustHold, ...groupTicket.mustHold, ...session.mustHold, ...thrown },
  mustNotHold: {
    ...openData.mustNotHold,
    ...weChatApi.mustNotHold,
    ...groupTicket.mustNotHold,
    ...session.mustNotHold,
  },
})

function catchSync(run) {
  try {
    run()
  } catch (error) {
    return error
  }
  return undefined
}

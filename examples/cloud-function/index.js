// A WeChat cloud function that answers the client kit's cloudResolver.
// The client calls it with `data: { groupInfo: Taro.cloud.CloudID(cloudID) }`;
// because groupInfo is a top-level field, WeChat has already swapped the
// cloudID for the decrypted open data by the time `main` runs, so there is no
// session key or decryption here at all.
const cloud = require('wx-server-sdk')
const { OpenDataError, resolveCloudGroupInfo } = require('@opengid/server')

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

exports.main = async (event) => {
  try {
    // e.g. { opengid: 'G...', chatType: 3 }. Pass { maxAgeSeconds: 300 } as
    // a second argument to also refuse data older than five minutes.
    return resolveCloudGroupInfo(event.groupInfo)
  } catch (error) {
    if (!(error instanceof OpenDataError)) throw error
    // errCode -601006 (cloudID expired) tells the client to fetch the group info again.
    return { error: { code: error.code, message: error.message, errCode: error.errCode } }
  }
}

// A WeChat cloud function that answers the client kit's cloudResolver.
// The client calls it with `data: { groupInfo: Taro.cloud.CloudID(cloudID) }`;
// because groupInfo is a top-level field, WeChat has already swapped the
// cloudID for the decrypted open data by the time `main` runs, so there is no
// session key or decryption here at all.
const cloud = require('wx-server-sdk')
const { OpenDataError, resolveCloudGroupInfo } = require('@opengid/server')

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

exports.main = async (event) => {
  // Who is calling, as WeChat vouches for it: the ticket is issued to this openid.
  const { OPENID, APPID } = cloud.getWXContext()
  try {
    // { roomId, roomType, opengid | openSingleRoomid, chatType?, ticket, ticketExpiresAt }: your API checks the ticket
    // with requireGroupTicket. Add maxAgeSeconds: 300 to refuse data older than 5 minutes.
    return await resolveCloudGroupInfo(event.groupInfo, {
      ticketSecret: process.env.OPENGID_TICKET_SECRET,
      appId: APPID,
      openid: OPENID,
      // Sent by cloudResolver when the provider has allowSingleChat: single chats resolve too.
      allowSingleChat: event.allowSingleChat === true,
    })
  } catch (error) {
    if (!(error instanceof OpenDataError)) throw error
    // errCode -601006 (cloudID expired) tells the client to fetch the group info again.
    return { error: { code: error.code, message: error.message, errCode: error.errCode } }
  }
}

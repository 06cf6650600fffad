// The stand-in for @tarojs/taro and @tarojs/components (see taroPeers.mjs):
// the names the kit's dist imports, none of them called while loading.
exports.default = {}
exports.OpenData = function OpenData() {
  return null
}

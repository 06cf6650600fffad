export default definePageConfig({
  navigationBarTitleText: 'Group',
})

export default definePageConfig({
  navigationBarTitleText: 'Which group?',
})

// Skyline draws no native navigation bar.
export default definePageConfig({ navigationStyle: 'custom' })

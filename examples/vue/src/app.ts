import { createApp } from 'vue'

// Taro renders each page into the app: an entry component needs no render of its own.
const App = createApp({})

export default App

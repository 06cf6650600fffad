import { configure } from '@testing-library/react'

// findBy* waits 1 s by default; on a busy 2-core machine a render that takes longer
// is slow, not wrong. Tests that count work count calls and renders, not time.
configure({ asyncUtilTimeout: 5000 })

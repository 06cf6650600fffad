import { createContext } from 'react'
import type { GroupEnterStore } from '../core/store'

/** Undefined by default so a consumer outside the provider fails loudly instead of reading a dummy store. */
export const StoreContext = createContext<GroupEnterStore | undefined>(undefined)

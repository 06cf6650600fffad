/// <reference types="@tarojs/taro" />

declare module '*.css'

/** The @opengid/server endpoint, set at build time from OPENGID_RESOLVER_URL (config/index.ts). */
declare const OPENGID_RESOLVER_URL: string

// What a .vue file exports, for TypeScript outside vue-tsc (which reads the file itself).
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent
  export default component
}

// Taro's Vue 3 typings for its components (<view>, <text>, <button>…).
declare module '@tarojs/components' {
  export * from '@tarojs/components/types/index.vue3'
}

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_ID: string
  }
}

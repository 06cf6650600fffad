/// <reference types="@tarojs/taro" />

/** Set at build time from OPENGID_RESOLVER_URL (config/index.ts). */
declare const OPENGID_RESOLVER_URL: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd'
    TARO_APP_ID?: string
  }
}

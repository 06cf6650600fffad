// Mapped in by tsconfig's `paths` in place of WeChat's global typings, which
// miniprogram-simulate's types import: their global `require` (WeChat's) would
// replace Node's in every file of this project. Only the weapp host uses
// miniprogram-simulate, through types of its own (tools/weapp-host/renderer.ts).
export {}

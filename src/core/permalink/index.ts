// Permalinks: sharing a decoded view through the URL fragment, which browsers never send to a server.
export * from './format.ts'
export * from './categories.ts'
export * from './redact.ts'
export * from './share.ts'
export * from './fragment.ts'

// The Kubernetes insights the lazily loaded panel needs. Kept out of src/core/index.ts so that
// their text does not weigh on the start-up bundle; only classify.ts is loaded at start-up.
export * from './claims.ts'
export * from './identity.ts'
export * from './provider.ts'
export * from './lifetime.ts'
export * from './advice.ts'
export * from './risks.ts'
export * from './username.ts'

// The verification core, loaded lazily with the panel that uses it (it pulls in jose).
export * from './algorithms.ts'
export * from './claimChecks.ts'
export * from './keyHelp.ts'
export * from './keyMaterial.ts'
export * from './keys.ts'
export * from './kid.ts'
export * from './meaning.ts'
export * from './verify.ts'

// Types for check-startup-modules.mjs, which its unit test imports.
export interface Chunk {
  file: string
  isEntry: boolean
  imports: string[]
  modules: { id: string; bytes: number }[]
}
export const FORBIDDEN: { pattern: RegExp; what: string }[]
export function startupChunks(chunks: Chunk[]): Chunk[]
export function startupViolations(chunks: Chunk[]): string[]

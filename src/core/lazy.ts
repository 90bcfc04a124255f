// The second entry point of core, for code the page loads on demand with a dynamic import().
// Nothing in the start-up bundle may import this module statically, or its code would land
// there: src/ui imports it only from modules that are themselves loaded with import().
export { extractToken, looksLikeYaml } from './extract/index.ts'

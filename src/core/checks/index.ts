/**
 * Checks: what the page says about a decoded token's header and claims beyond decoding it
 * (header warnings, claim values, deceptive text, decoding's notes, the signature's length),
 * loaded with the knowledge base after the first view, and the checks of rarer token shapes
 * (webhook bindings, external signers, DPoP, SPIFFE, GitHub Actions), loaded on demand only for
 * a token that has one. Nothing imports this index at run time: the two halves are separate
 * chunks, each imported by path.
 * @byPath ./shapes.ts (shapes)
 * @module
 */
export { CHECK_CODES } from './codes.ts'
export { needsShapeChecks } from './shapeNeeds.ts'
export { shapeChecks } from './shapes.ts'
export { tokenChecks } from './tokenChecks.ts'

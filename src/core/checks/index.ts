/**
 * Checks: what the page says about a decoded token's header and claims beyond decoding it. The
 * common ones (header warnings, the values of the registered claims, the signature's length)
 * load with the knowledge base after the first view; the rarer ones (decoding's notes, rare
 * header parameters and claims, misleading text, webhook bindings, external signers, DPoP,
 * SPIFFE, GitHub Actions) are the on-demand shapes chunk, loaded only for a token that has one
 * (shapeNeeds.ts says which). Nothing imports this index at run time: the two halves are separate
 * chunks, each imported by path.
 * @byPath ./shapes.ts (shapes)
 * @module
 */
export { CHECK_CODES } from './codes.ts'
export { SHAPE_CHECK_CODES } from './shapeCodes.ts'
export { hasDecodingNotes, hasRareHeader, hasRareClaim, mayHaveDeceptiveText, needsShapeChecks } from './shapeNeeds.ts'
export { decodingNotes, shapeChecks, pageShapeChecks } from './shapes.ts'
export { tokenChecks, commonTokenChecks } from './tokenChecks.ts'

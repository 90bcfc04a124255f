/**
 * The examples menu: its labels (start-up) and the tokens themselves (loaded when one is picked),
 * published tokens from the article this project grew from and from the RFCs.
 * @module
 */
export { EXAMPLE_TOKENS } from './exampleTokens.ts'
export { EXAMPLES, type Example } from './examples.ts'

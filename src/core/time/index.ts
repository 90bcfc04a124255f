/**
 * Time: NumericDates read and written in UTC, validity now (with one clock-skew leeway),
 * lifetimes, spelled durations, the time diagnostics and the geometry of the timeline.
 * @byPath ./timeline.ts (timeline, loaded with the Time panel)
 * @module
 */
export { timeDiagnostics, iatInFuture } from './checks.ts'
export { TIME_CODES } from './codes.ts'
export { spellDuration } from './duration.ts'
export { zonedForm, relativePhrase, type ZonedForm } from './format.ts'
export { inDisplayRange, fractionDigits, toIsoUtc } from './iso.ts'
export {
  isNumericDatePointer,
  valueAtPointer,
  numericDateClaims,
  claimLabel,
  REGISTERED_NUMERIC_DATE_CLAIMS,
  WARNAFTER_POINTER,
} from './numericDate.ts'
export { timelineGeometry } from './timeline.ts'
export {
  validityAt,
  lifetime,
  remainingSeconds,
  VALIDITY_WORDS,
  type ValidityState,
  type Lifetime,
} from './validity.ts'

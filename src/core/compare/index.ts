/**
 * Compare two tokens: a diff of header and payload by JSON Pointer (sets such as `aud`, `scope`
 * and `groups` diffed as sets, NumericDates in both forms), and notes with stable ids on what the
 * differences mean for a client that switches from the left token to the right one.
 *
 * Loaded lazily with the Compare view: it reads the Kubernetes identity and provider, whose text
 * stays out of the start-up chunk.
 * @byPath ./codes.ts (its codes, which the registry joins by path)
 * @module
 */
export { compareTokens, type CompareOptions, type Comparison } from './compare.ts'
export {
  diffJson,
  rowPointer,
  type Change,
  type DiffLocation,
  type DiffRow,
  type DiffValue,
  type HeaderDiffRow,
  type NumericDateForm,
  type PayloadDiffRow,
} from './diff.ts'
export { SET_MEMBERS, setMembers, type SetDiff } from './sets.ts'
export {
  NOTE_IDS,
  compareNotes,
  type BindingChange,
  type BindingChangeKind,
  type CompareNote,
  type NoteId,
  type NoteTarget,
} from './notes.ts'
export {
  describeSide,
  identityLabel,
  sameIdentity,
  type Bindings,
  type CompareSide,
  type KeyFacts,
  type LifetimeFacts,
  type SideIdentity,
  type SideProvider,
  type SideStatus,
} from './sides.ts'

import { APISERVER_CODES } from '../apiserver/codes.ts'
import { CHECK_CODES } from '../checks/codes.ts'
import { SHAPE_CHECK_CODES } from '../checks/shapeCodes.ts'
import { HEADER_PARAM_CODES } from '../decode/codes.ts'
import { COMPARE_CODES } from '../compare/codes.ts'
import { COMPOSE_CODES } from '../compose/codes.ts'
import { EXTRACTOR_CODES } from '../extract/codes.ts'
import { KUBERNETES_CODES } from '../k8s/codes.ts'
import { SHARE_CODES } from '../permalink/codes.ts'
import { TIME_CODES } from '../time/codes.ts'
import { VERIFY_CODES } from '../verify/codes.ts'
import { CODES, type CodeInfo, type DiagnosticCode } from './codes.ts'

/**
 * The pieces of the one registry, by where they are stored (see `DiagnosticCode` in codes.ts).
 * Only the tests and tools read this module: the page loads each piece with its feature, so
 * importing it from page code would pull every feature's codes into one chunk.
 */
export const REGISTRY_PIECES = {
  'src/core/diagnostics/codes.ts': CODES,
  'src/core/extract/codes.ts': EXTRACTOR_CODES,
  'src/core/checks/codes.ts': CHECK_CODES,
  'src/core/checks/shapeCodes.ts': SHAPE_CHECK_CODES,
  'src/core/decode/codes.ts': HEADER_PARAM_CODES,
  'src/core/time/codes.ts': TIME_CODES,
  'src/core/k8s/codes.ts': KUBERNETES_CODES,
  'src/core/verify/codes.ts': VERIFY_CODES,
  'src/core/permalink/codes.ts': SHARE_CODES,
  'src/core/apiserver/codes.ts': APISERVER_CODES,
  'src/core/compare/codes.ts': COMPARE_CODES,
  'src/core/compose/codes.ts': COMPOSE_CODES,
} as const

/** Every code with its registry entry: the whole table, put together. */
export const REGISTRY: Readonly<Record<DiagnosticCode, CodeInfo>> = Object.assign(
  {},
  ...Object.values(REGISTRY_PIECES),
) as Record<DiagnosticCode, CodeInfo>

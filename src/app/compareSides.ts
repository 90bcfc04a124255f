/**
 * One side of the compare view, read the way the main input reads a paste: with the full
 * extractor and the YAML reader once they have arrived, and asking for the one a paste needs
 * (a Secret, a kubeconfig, an `Authorization:` line…). Loaded with the compare view.
 */
import { analyze, type Analysis } from '../core/index.ts'
import type { AppModules } from './modules.ts'
import type { ExtractionModule } from './session.ts'

export interface SideAnalysis {
  analysis: Analysis
  /** The module the paste waits for before its token can be found; `failed` when it could not be loaded. */
  waiting?: { module: ExtractionModule; failed: boolean }
}

/**
 * Analyses one side's text with whatever extraction code has arrived, and starts loading what the
 * paste still needs (the caller re-reads when the module's state changes). Never throws on input.
 */
export function analyzeSide(text: string, modules: Pick<AppModules, 'extractor' | 'yaml'>): SideAnalysis {
  const extractor = modules.extractor.getSnapshot()
  const yaml = modules.yaml.getSnapshot()
  const analysis = analyze(text, {
    extract: extractor.status === 'ready' ? extractor.value.extractToken : undefined,
    parseYaml: yaml.status === 'ready' ? yaml.value : undefined,
  })
  const pending = analysis.extraction.pending
  if (!pending) return { analysis }
  void modules[pending].load()
  return { analysis, waiting: { module: pending, failed: modules[pending].getSnapshot().status === 'failed' } }
}

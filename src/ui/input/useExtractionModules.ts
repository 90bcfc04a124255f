import { useEffect, useState } from 'react'
import type { ExtractOptions, Extraction } from '../../core/index.ts'

export type ExtractionModule = NonNullable<Extraction['pending']>

export interface ExtractionModules {
  extract?: ExtractOptions['extract']
  parseYaml?: ExtractOptions['parseYaml']
  /** A module that could not be loaded (offline after an update, say). */
  failed?: ExtractionModule
}

/**
 * Loads the full extractor and the YAML parser the first time a paste needs them. Each sits in
 * its own chunk (dynamic import), so a page that only ever sees bare tokens downloads neither.
 */
export function useExtractionModules(wanted: readonly ExtractionModule[]): ExtractionModules {
  const [modules, setModules] = useState<ExtractionModules>({})
  const wantExtractor = wanted.includes('extractor')
  const wantYaml = wanted.includes('yaml')
  useEffect(() => {
    if (!wantExtractor) return
    import('./fullExtractor.ts').then(
      (m) => setModules((s) => ({ ...s, extract: m.extractToken })),
      () => setModules((s) => ({ ...s, failed: 'extractor' })),
    )
  }, [wantExtractor])
  useEffect(() => {
    if (!wantYaml) return
    import('./yamlParser.ts').then(
      (m) => setModules((s) => ({ ...s, parseYaml: m.parseYamlDocuments })),
      () => setModules((s) => ({ ...s, failed: 'yaml' })),
    )
  }, [wantYaml])
  return modules
}

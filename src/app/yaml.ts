// Loaded on demand (src/app/modules.ts) only when a paste looks like YAML, so that the YAML library
// lands in its own chunk and the start-up bundle does not carry it.
import { parseAllDocuments } from 'yaml'
import type { YamlParser } from '../core/index.ts'

/** Parses every document of a YAML stream to plain values; throws on the first YAML error. */
export const parseYamlDocuments: YamlParser = (text) => {
  const docs = parseAllDocuments(text)
  return Array.from(docs, (doc) => {
    const first = doc.errors[0]
    if (first) throw first
    // A low alias budget keeps "billion laughs" documents from expanding.
    return doc.toJS({ maxAliasCount: 50 }) as unknown
  })
}

// Loaded with a dynamic import() the first time a paste is more than a bare token, so that the
// full extractor (headers, JSON, Kubernetes objects, base64) and the panel that shows what it
// found stay out of the start-up bundle. The panel is only ever needed after the extractor ran.
export { extractToken } from '../../core/extract/index.ts'
export { ExtractionPanel } from './ExtractionPanel.tsx'

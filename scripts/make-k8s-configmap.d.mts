// Types for make-k8s-configmap.mjs, which e2e/nginx.spec.ts imports.
export const CONFIGMAP_LIMIT: number
export const ANNOTATION_LIMIT: number
/** The CSP of the page's meta tag, entities decoded. */
export function metaCsp(html: string): string
/** The nginx site config for the ConfigMap, with `csp` plus frame-ancestors as a header. */
export function nginxConfig(csp: string): string
/** The ConfigMap YAML holding the page (gzipped, in binaryData) and its nginx config. */
export function configMap(html: string): string
/** The page stored in a parsed ConfigMap (its gzipped binaryData), decompressed. */
export function pageOf(map: { binaryData: Record<string, string> }): string

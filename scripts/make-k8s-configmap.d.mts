// Types for make-k8s-configmap.mjs, which e2e/nginx.spec.ts imports.
export const CONFIGMAP_LIMIT: number
export const ANNOTATION_LIMIT: number
/** The CSP of the page's meta tag, entities decoded. */
export function metaCsp(html: string): string
/** The nginx site config for the ConfigMap, with `csp` plus frame-ancestors as a header. */
export function nginxConfig(csp: string): string
/** The ConfigMap YAML holding the page and its nginx config. */
export function configMap(html: string): string

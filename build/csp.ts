import type { Plugin } from 'vite'

/**
 * The page's Content-Security-Policy. Everything the app needs ships with it; nothing may be
 * loaded from, or sent to, another origin. `connect-src 'self'` only lets the service worker
 * fetch the app's own files: the app code itself never makes a request.
 */
export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
}

export function cspString(overrides: Record<string, string> = {}): string {
  return Object.entries({ ...CSP_DIRECTIVES, ...overrides })
    .map(([k, v]) => `${k} ${v}`)
    .join('; ')
}

/** Injects the CSP meta tag at build time only: the dev server injects inline styles that it would block. */
export function cspPlugin(overrides: Record<string, string> = {}): Plugin {
  return {
    name: 'jwt-explorer-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler() {
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: cspString(overrides) },
            injectTo: 'head-prepend',
          },
        ]
      },
    },
  }
}

/**
 * The ports the end-to-end tests listen on. `E2E_PORT` (default 4310) serves the production build;
 * the hosting specs take the four ports after it, so two checkouts run side by side with two bases.
 * Each can still be set on its own.
 */
const base = Number(process.env.E2E_PORT ?? 4310)

export const E2E_PORT = base
export const UPDATE_PORT = Number(process.env.E2E_UPDATE_PORT ?? base + 1)
export const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT ?? base + 2)
export const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? base + 3)
export const NGINX_K8S_PORT = Number(process.env.E2E_NGINX_K8S_PORT ?? base + 4)

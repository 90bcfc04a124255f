import { VitePWA } from 'vite-plugin-pwa'

/**
 * Offline support: a service worker precaches the whole app, so after one visit it loads with the
 * network off. Registration is an external registerSW.js (no inline script, so the CSP stays
 * strict). `autoUpdate` lets a new version take over on the next visit; the page then shows a
 * small "updated, reload" notice (src/ui/shell/UpdateNotice.tsx).
 */
export function pwaPlugin() {
  return VitePWA({
    injectRegister: 'script',
    registerType: 'autoUpdate',
    includeAssets: ['favicon.svg'],
    manifest: {
      name: 'JWT Explorer',
      short_name: 'JWT Explorer',
      description:
        'Decode and explain JSON Web Tokens and Kubernetes service account tokens, entirely in your browser.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1d4ed8',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
      // Routing is by fragment only, so every navigation is the one page.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // A new version takes over at once on the next visit; UpdateNotice then offers a reload.
      skipWaiting: true,
      clientsClaim: true,
    },
  })
}

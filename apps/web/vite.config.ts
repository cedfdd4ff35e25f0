import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'

const backend = 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [
    react(),
    // App shell offline: a reload without network opens the app from the precache, and the
    // workspace comes up from its IndexedDB copy. Only build output registers the worker.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: 'script',
      // Offline reload needs no install prompt; a manifest without real icons installs nowhere.
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,woff2}'],
        navigateFallback: '/index.html',
        // Matched against path + query: these are never the app shell.
        navigateFallbackDenylist: [
          /^\/api(\/|\?|$)/,
          /^\/sync(\/|\?|$)/,
          /^\/(healthz|readyz)(\?|$)/,
        ],
        // Workbox bundled into sw.js, no importScripts of a separate (or remote) runtime.
        inlineWorkboxRuntime: true,
        // Hashed file names already identify each version.
        dontCacheBustURLsMatching: /^assets\//,
        cleanupOutdatedCaches: true,
        // autoUpdate sets these only with injectRegister 'auto': a new worker takes over at once,
        // and the first visit is controlled (so a reload right after joining works offline).
        skipWaiting: true,
        clientsClaim: true,
        // No runtimeCaching: API and sync responses always go to the network.
        sourcemap: false,
      },
    }),
  ],
  // SEC-7: no source maps in production; they would hand out the full sources.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/sync': { target: backend, ws: true, changeOrigin: false },
    },
  },
})

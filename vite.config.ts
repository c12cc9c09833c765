import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { messageLanguages } from './scripts/vite-message-languages.mjs';

// base './' makes every asset URL relative, so the built dist/ works at a domain root and under any
// sub-path (GitHub Pages project sites) without rebuilding.
// `--mode bench` adds the benchmark harness page (bench/index.html) beside the app, in dist-bench/, so
// `npm run bench` measures the real app and its worker on the same origin; the shipped dist/ never has it.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [
    svelte(),
    // One chunk per interface language although each message file holds both (see the plugin's docblock).
    messageLanguages(),
    // Offline and installable: a Workbox service worker precaches the whole built app (HTML, JS chunks,
    // both workers, the sql.js WebAssembly, icons) so it starts without a network after the first visit.
    // 'prompt': a new deploy waits until the user chooses Reload (src/lib/state/app-update.svelte.ts waits
    // for pending writes first). Not in `vite dev` (devOptions off) and not in `--mode bench`, so the
    // benchmark measures the app without a service worker in between.
    VitePWA({
      disable: mode === 'bench',
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      manifest: {
        name: '客户管理系统 · CRM',
        short_name: '客户管理',
        description: '客户管理系统 — a CRM that runs entirely in your browser, offline too',
        lang: 'zh-CN',
        // Relative to the manifest's own URL, so an install under /crm/ starts and stays in /crm/.
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f4f6f9',
        theme_color: '#2457c5',
        icons: [
          { src: 'pwa-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The plugin adds manifest.webmanifest itself (and the icons without includeManifestIcons: false);
        // json: the training scenarios in public/scenarios/ must open offline too.
        globPatterns: ['**/*.{html,js,css,wasm,svg,png,json}'],
        // Source maps are for developers with a network; the bench page is never part of dist/.
        globIgnores: ['**/*.map', 'bench/**', '**/node_modules/**'],
        // The largest file is the main chunk (≈0.9 MB). A file over this cap fails the build (the plugin's
        // default), so a grown chunk can never be silently missing from the offline app.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Any navigation in scope (`?store=…`, a reload offline) gets the cached app shell; routes are hashes.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // On the first install no older version runs, so the new worker may control the open page at once
        // (lazy chunks fetched later in that visit already come from the cache). Updates still wait.
        clientsClaim: true,
        sourcemap: false,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    outDir: mode === 'bench' ? 'dist-bench' : 'dist',
    rollupOptions: mode === 'bench' ? { input: { app: 'index.html', bench: 'bench/index.html' } } : undefined,
  },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
}));

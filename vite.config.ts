import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// base './' makes every asset URL relative, so the built dist/ works at a domain root and under any
// sub-path (GitHub Pages project sites) without rebuilding.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});

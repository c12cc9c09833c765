import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// base './' makes every asset URL relative, so the built dist/ works at a domain root and under any
// sub-path (GitHub Pages project sites) without rebuilding.
// `--mode bench` adds the benchmark harness page (bench/index.html) beside the app, in dist-bench/, so
// `npm run bench` measures the real app and its worker on the same origin; the shipped dist/ never has it.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [svelte()],
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

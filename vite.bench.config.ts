/** Builds the benchmark harness (`npm run bench`): the log's own code as one script for a plain page. */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: '.output/bench',
    emptyOutDir: true,
    target: 'es2020',
    lib: { entry: 'scripts/bench/log-harness.ts', name: 'CaseLintBench', formats: ['iife'], fileName: () => 'log-harness.js' },
  },
});

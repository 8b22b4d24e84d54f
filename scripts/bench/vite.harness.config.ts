/** Builds the benchmark harness (`npm run bench`): the log's own code as one script for a plain page. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  publicDir: false,
  build: {
    outDir: here('../../.output/bench'),
    emptyOutDir: true,
    target: 'es2020',
    lib: { entry: here('log-harness.ts'), name: 'CaseLintBench', formats: ['iife'], fileName: () => 'log-harness.js' },
  },
});

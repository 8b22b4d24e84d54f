/** The engine benchmark as built code for Node (no dev-time transforms in what is timed). */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'scripts/bench/engine.ts',
    outDir: '.output/bench-node',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
  },
});

/** The engine benchmark as built code for Node (no dev-time transforms in what is timed). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  publicDir: false,
  build: {
    ssr: here('engine.ts'),
    outDir: here('../../.output/bench-node'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
  },
});

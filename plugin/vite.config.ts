/**
 * The intranet plugin build: one self-contained IIFE file (`.output/plugin/caselint.js`) with
 * the engine, the default pack, the reader and the inline warnings; no imports, no network.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { BUILD_TARGETS } from '../lib/compat/targets';
import pkg from '../package.json' with { type: 'json' };

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  plugins: [preact()],
  define: { __CASELINT_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  publicDir: false,
  build: {
    outDir: here('../.output/plugin'),
    emptyOutDir: true,
    // The page's own browser: the oldest cores units run (lib/compat/targets.ts).
    target: BUILD_TARGETS,
    lib: {
      entry: here('main.ts'),
      name: 'CaseLintPlugin',
      formats: ['iife'],
      fileName: () => 'caselint.js',
    },
  },
});

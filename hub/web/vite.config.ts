/** The hub's web pages (sign-in, the branch's reports, administration): built to `.output/hub-web`, served by the hub. */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  define: { 'process.env.NODE_ENV': '"production"' },
  publicDir: false,
  build: { outDir: fileURLToPath(new URL('../../.output/hub-web', import.meta.url)), emptyOutDir: true, target: 'es2020' },
});

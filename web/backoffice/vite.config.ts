import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../shared/vite-precompress.js';

const root = import.meta.dirname;
/** The back office; `npm run build` writes it to dist/web/backoffice, which `openkyb serve` serves under /backoffice/. */
export default defineConfig({
  root,
  base: '/backoffice/',
  plugins: [react(), precompress()],
  build: {
    outDir: path.resolve(root, '../../dist/web/backoffice'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    // `npm run dev:backoffice` next to `npm run dev`: the API is the real server on :8080.
    proxy: { '/kyb': 'http://localhost:8080', '/v1': 'http://localhost:8080' },
  },
});

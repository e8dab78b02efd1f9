import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../shared/vite-precompress.js';

const root = import.meta.dirname;
/** The hosted KYB form; `npm run build` writes it to dist/web/form, which `openkyb serve` serves. */
export default defineConfig({
  root,
  // Assets live under /form/assets/ (long-cached, hashed names); the page itself is /welcome.
  base: '/form/',
  // The form imports only src/shared, which is dependency-free: no TypeBox stand-in is needed.
  plugins: [react(), precompress()],
  build: {
    outDir: path.resolve(root, '../../dist/web/form'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    // `npm run dev:form` next to `npm run dev`: the API is the real server on :8080.
    proxy: { '/kyb': 'http://localhost:8080', '/v1': 'http://localhost:8080' },
  },
});

import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const SCHEMAS = path.resolve(root, '../../src/schemas');
const STUB = '\0typebox-stub';

/**
 * The form reuses the server's enum lists (src/schemas) so they cannot drift, but not their
 * TypeBox schemas, which those modules build at import time. Inside src/schemas, `typebox`
 * resolves to a stand-in whose every call returns itself: the lists stay, TypeBox (40 KB
 * gzipped) stays out of the browser. The form must therefore never use a schema at run time.
 */
function typeboxStub(): Plugin {
  return {
    name: 'openkyb-typebox-stub',
    enforce: 'pre',
    resolveId(id, importer) {
      return id === 'typebox' && importer?.startsWith(SCHEMAS) ? STUB : null;
    },
    load(id) {
      if (id !== STUB) return null;
      return 'const stub = new Proxy(function () {}, { get: () => stub, apply: () => stub });\nexport const Type = stub;\n';
    },
  };
}

/** The hosted KYB form; `npm run build` writes it to dist/web/form, which `openkyb serve` serves. */
export default defineConfig({
  root,
  // Assets live under /form/assets/ (long-cached, hashed names); the page itself is /welcome.
  base: '/form/',
  plugins: [typeboxStub(), react()],
  build: {
    outDir: path.resolve(root, '../../dist/web/form'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      // Lets the unused schema objects built with the stand-in drop out of the bundle.
      treeshake: { manualPureFunctions: ['Type', 'enumOf', 'Nullable', 'HttpUrl', 'Key', 'Discriminated'] },
    },
  },
  server: {
    // `npm run dev:form` next to `npm run dev`: the API is the real server on :8080.
    proxy: { '/kyb': 'http://localhost:8080', '/v1': 'http://localhost:8080' },
  },
});

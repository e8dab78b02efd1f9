import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { precompress } from './vite-precompress.js';

/** The head every page of ours carries: no referrer (the form's URL holds its token), not indexed. */
const HEAD = [
  { tag: 'meta', attrs: { charset: 'utf-8' } },
  { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' } },
  { tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' } },
  { tag: 'meta', attrs: { name: 'robots', content: 'noindex' } },
];

/**
 * One Vite configuration for both web apps: `npm run build` writes `web/<app>` to
 * `dist/web/<app>`, which `openkyb serve` serves with assets under `base`. In development
 * (`npm run dev:<app>` next to `npm run dev`) the API is the real server on :8080.
 */
export function webAppConfig(app: 'form' | 'backoffice', base: string): UserConfig {
  const root = path.resolve(import.meta.dirname, '..', app);
  return defineConfig({
    root,
    base,
    plugins: [react(), precompress(), { name: 'openkyb-head', transformIndexHtml: () => HEAD.map((tag) => ({ ...tag, injectTo: 'head-prepend' as const })) }],
    build: { outDir: path.resolve(root, '../../dist/web', app), emptyOutDir: true, target: 'es2022', sourcemap: false },
    server: { proxy: { '/kyb': 'http://localhost:8080', '/v1': 'http://localhost:8080' } },
  });
}

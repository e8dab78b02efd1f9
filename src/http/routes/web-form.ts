import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../context.js';
import { sendError } from '../errors.js';
import { faviconIco } from '../favicon.js';

/**
 * Where `npm run build` puts the hosted form. This file sits one level under the package root
 * both as source (src/http/routes) and compiled (dist/http/routes), so one relative path fits.
 */
export const WEB_FORM_DIR = path.resolve(import.meta.dirname, '../../../dist/web/form');

/**
 * The page URL carries the token (`/welcome?authToken=...`), so the page must not leak it:
 * no referrer to the logo or font hosts, no caching, and scripts only from this server.
 * Theme logos and fonts are partner URLs on any https host.
 */
const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: data: blob:",
    "font-src 'self' https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; '),
};

const ASSET_NAME = /^[A-Za-z0-9][\w-]*(\.[\w-]+)*$/;

/**
 * `GET /welcome` (iDenfy's hosted-form link shape, so migrating partners change only the host)
 * and the hashed assets under `/form/assets/`. Public routes: the app authenticates its API
 * calls with the token itself.
 */
export async function webFormRoutes(app: App, dir = WEB_FORM_DIR): Promise<void> {
  const indexFile = path.join(dir, 'index.html');
  const page = existsSync(indexFile) ? readFileSync(indexFile) : null;

  app.get('/welcome', { schema: { hide: true } }, async (_request, reply) => {
    reply.headers(PAGE_HEADERS);
    if (!page) return reply.code(503).type('text/plain; charset=utf-8').send('The KYB form is not built: run "npm run build".');
    return reply.type('text/html; charset=utf-8').send(page);
  });

  // Browsers ask for it on every page, whatever the page links: a 404 is a console error each time.
  const icon = faviconIco();
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').header('x-content-type-options', 'nosniff').send(icon),
  );

  if (!page) return;
  await app.register(
    async (scope) => {
      // A missing asset is a 404. The app-wide handler would call it a 405, because GET is a
      // method of this wildcard route.
      scope.setNotFoundHandler((_request, reply) => sendError(reply, 'NOT_FOUND', 'Not found.'));
      // The build writes flat file names; anything else (dot segments, encoded slashes or
      // backslashes, NUL) names no asset and is a plain 404 before the file system is asked.
      scope.addHook('onRequest', async (request, reply) => {
        const name = (request.params as Record<string, unknown>)['*'];
        if (typeof name !== 'string' || !ASSET_NAME.test(name)) return sendError(reply, 'NOT_FOUND', 'Not found.');
      });
      // File names carry a content hash, so a year of caching is safe.
      await scope.register(fastifyStatic, {
        root: path.join(dir, 'assets'),
        prefix: '/',
        decorateReply: false,
        index: false,
        immutable: true,
        // The build writes name.br and name.gz beside each text asset: served as they are, with
        // Content-Encoding and Vary: Accept-Encoding, no compression work per request.
        preCompressed: true,
        maxAge: '365d',
        setHeaders: (reply) => {
          reply.header('x-content-type-options', 'nosniff');
        },
      });
    },
    { prefix: '/form/assets' },
  );
}

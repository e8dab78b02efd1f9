import path from 'node:path';
import type { App } from '../context.js';
import { faviconIco } from '../favicon.js';
import { pageHeaders, readBuiltPage, sendPage, serveAssets, WEB_BUILD_ROOT } from './web-app.js';

/** Where `npm run build` puts the hosted form. */
export const WEB_FORM_DIR = path.join(WEB_BUILD_ROOT, 'form');

/**
 * The page URL carries the token (`/welcome?authToken=...`), so the page must not leak it:
 * no referrer to the logo or font hosts, no caching, and scripts only from this server.
 * Theme logos and fonts are partner URLs on any https host.
 */
const PAGE_HEADERS = pageHeaders({ 'img-src': "'self' https: data: blob:", 'font-src': "'self' https:" });

/**
 * `GET /welcome` (iDenfy's hosted-form link shape, so migrating partners change only the host)
 * and the hashed assets under `/form/assets/`. Public routes: the app authenticates its API
 * calls with the token itself.
 */
export async function webFormRoutes(app: App, dir = WEB_FORM_DIR): Promise<void> {
  const page = readBuiltPage(dir);

  app.get('/welcome', { schema: { hide: true } }, async (request, reply) => {
    reply.headers(PAGE_HEADERS);
    if (!page) return reply.code(503).type('text/plain; charset=utf-8').send('The KYB form is not built: run "npm run build".');
    return sendPage(request, reply, page);
  });

  // Browsers ask for it on every page, whatever the page links: a 404 is a console error each time.
  const icon = faviconIco();
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').header('x-content-type-options', 'nosniff').send(icon),
  );

  if (page) await serveAssets(app, dir, '/form/assets');
}

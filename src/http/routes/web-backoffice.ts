import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../context.js';
import { pageHeaders, readBuiltPage, sendPage, serveAssets, WEB_BUILD_ROOT } from './web-app.js';

/** Where `npm run build` puts the back office. */
export const WEB_BACKOFFICE_DIR = path.join(WEB_BUILD_ROOT, 'backoffice');

/**
 * The back office signs in with a session cookie, so the page must never be framed
 * (frame-ancestors) and runs only this server's scripts. Documents are this server's signed
 * links, previewed in the page: images, and PDFs in an <object>/<iframe> (hence 'self' for
 * frames and objects).
 */
const PAGE_HEADERS = pageHeaders(
  { 'img-src': "'self' data: blob:", 'frame-src': "'self'", 'object-src': "'self'", 'frame-ancestors': "'none'" },
  { 'x-frame-options': 'DENY' },
);

/**
 * `GET /backoffice/` and every client-side route under it (the app routes in the browser, so a
 * reload or a shared link of `/backoffice/cases/...` gets the same page), and the hashed assets
 * under `/backoffice/assets/`. Public: the app's API calls carry the session cookie.
 */
export async function webBackofficeRoutes(app: App, dir = WEB_BACKOFFICE_DIR): Promise<void> {
  const page = readBuiltPage(dir);
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.headers(PAGE_HEADERS);
    if (!page) return reply.code(503).type('text/plain; charset=utf-8').send('The back office is not built: run "npm run build".');
    return sendPage(request, reply, page);
  };
  app.get('/backoffice', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/backoffice/', 301));
  app.get('/backoffice/', { schema: { hide: true } }, handler);
  app.get('/backoffice/*', { schema: { hide: true } }, handler);
  if (page) await serveAssets(app, dir, '/backoffice/assets');
}

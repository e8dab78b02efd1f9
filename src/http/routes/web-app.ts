import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../context.js';
import { sendError } from '../errors.js';

/**
 * The web apps' build, dist/web under the package root. The root is found by walking up to
 * package.json: this module runs from src/http/routes (source) or from a file of the server's
 * bundle in dist/.
 */
export const WEB_BUILD_ROOT = path.join(packageRoot(import.meta.dirname), 'dist/web');

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const ASSET_NAME = /^[A-Za-z0-9][\w-]*(\.[\w-]+)*$/;

/**
 * The headers of a web app's page: never cached, no referrer, no MIME sniffing, and a content
 * security policy that starts from "nothing but this server's scripts, styles and API" and
 * widens (or adds) the directives in `csp`.
 */
export function pageHeaders(csp: Record<string, string>, extra?: Record<string, string>): Record<string, string> {
  const policy: Record<string, string> = {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'connect-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
    ...csp,
  };
  const directives = Object.entries(policy).map(([name, value]) => `${name} ${value}`);
  return {
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    ...extra,
    'content-security-policy': directives.join('; '),
  };
}

/** A built page, kept in memory with its gzip and brotli encodings (made once, at start-up). */
export interface BuiltPage {
  html: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

export function readBuiltPage(dir: string): BuiltPage | null {
  const file = path.join(dir, 'index.html');
  if (!existsSync(file)) return null;
  const html = readFileSync(file);
  return { html, gzip: gzipSync(html, { level: 9 }), brotli: brotliCompressSync(html) };
}

/** Sends the page in the best encoding the client accepts (brotli, gzip, else identity). */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: BuiltPage): FastifyReply {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  reply.type('text/html; charset=utf-8').header('vary', 'accept-encoding');
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(page.brotli);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}

/**
 * A web app's hashed assets under `prefix` (e.g. /form/assets): public, a year of immutable
 * caching (names carry a content hash), sent precompressed (.br/.gz written by the build).
 */
export async function serveAssets(app: App, dir: string, prefix: string): Promise<void> {
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
      await scope.register(fastifyStatic, {
        root: path.join(dir, 'assets'),
        prefix: '/',
        decorateReply: false,
        index: false,
        immutable: true,
        maxAge: '365d',
        preCompressed: true,
        setHeaders: (reply) => {
          reply.header('x-content-type-options', 'nosniff');
        },
      });
    },
    { prefix },
  );
}

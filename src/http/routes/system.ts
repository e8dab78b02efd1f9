import { Type } from 'typebox';
import { probeWrites } from '../../core/health/probe-writes.js';
import type { App } from '../context.js';
import { ERROR_TABLE, sendError } from '../errors.js';
import { errorResponses } from '../route-schemas.js';

export function systemRoutes(app: App): void {
  // Liveness: constant, touches nothing (also the benchmark's bare baseline route).
  app.get('/livez', { schema: { tags: ['System'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.String() }) } } }, async () => ({
    status: 'ok',
  }));

  // Readiness: the database and the file store both take writes (a full disk is not "ok").
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['System'],
        summary: 'Health check',
        response: { 200: Type.Object({ status: Type.String(), database: Type.String() }), ...errorResponses(503) },
      },
    },
    async (request, reply) => {
      const probe = await probeWrites({ database: app.deps.database, storage: app.deps.storage, now: app.deps.clock.now() });
      if (!probe.isWritable) {
        request.log.warn({ failed: probe.failed, code: probe.code }, 'write probe failed');
        return sendError(reply, 'SERVICE_UNAVAILABLE', `The ${probe.failed} cannot take writes.`);
      }
      return { status: 'ok', database: app.deps.database.dialect };
    },
  );

  app.get('/docs/errors', { schema: { hide: true } }, async (_request, reply) => {
    const rows = Object.entries(ERROR_TABLE)
      .map(([id, { status, meaning }]) => `<tr id="${id}"><td><code>${id}</code></td><td>${status}</td><td>${escapeHtml(meaning)}</td></tr>`)
      .join('\n');
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OpenKYB errors</title>
<style>body{font:16px system-ui;max-width:60rem;margin:2rem auto;padding:0 1rem}td,th{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}:target{background:#fff6c8}</style></head>
<body><h1>OpenKYB error identifiers</h1><p>Every error body is <code>{message, identifier, documentation, severity}</code>. A validation error's <code>message</code> maps each field to its problems.</p>
<table><thead><tr><th>identifier</th><th>status</th><th>meaning</th></tr></thead><tbody>${rows}</tbody></table></body></html>`);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

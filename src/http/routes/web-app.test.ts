import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { expect, it } from 'vitest';
import type { App } from '../context.js';
import { webBackofficeRoutes } from './web-backoffice.js';
import { webFormRoutes } from './web-form.js';

it.each([
  ['form', webFormRoutes, '/welcome'],
  ['back office', webBackofficeRoutes, '/backoffice/cases'],
])('answers 503 with a hint when the %s was never built', async (name, routes, url) => {
  const app = Fastify() as unknown as App;
  await routes(app, mkdtempSync(path.join(tmpdir(), `openkyb-no-${name.replace(' ', '')}-`)));
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode).toBe(503);
  expect(res.body).toContain('npm run build');
  await app.close();
});

import type { FastifySchema } from 'fastify';
import type { App, AuthMode } from './context.js';

/** One registered operation, as declared: what the route-matrix and fuzz tests walk. */
export interface RouteEntry {
  method: string;
  url: string;
  auth: AuthMode;
  schema: FastifySchema | undefined;
}

/**
 * Records every route as it is added (call before registering routes). Tests read the table
 * instead of a hand-written list, so a route added later is checked without anyone remembering.
 */
export function recordRoutes(app: App): readonly RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, auth: route.config?.auth ?? 'none', schema: route.schema });
    }
  });
  return routes;
}

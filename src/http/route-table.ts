import type { FastifySchema } from 'fastify';
import type { ManagerRole } from '../core/managers/roles.js';
import type { App, AuthMode } from './context.js';

/** One registered operation, as declared: what the route-matrix and fuzz tests walk. */
export interface RouteEntry {
  method: string;
  url: string;
  auth: AuthMode;
  /** The role a manager needs, when the route declares one (route-schemas.ts requiredRole). */
  role?: ManagerRole;
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
      const role = route.config?.role;
      routes.push({ method, url: route.url, auth: route.config?.auth ?? 'none', ...(role ? { role } : {}), schema: route.schema });
    }
  });
  return routes;
}

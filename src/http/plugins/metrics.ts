import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { App } from '../context.js';

/** Prometheus metrics: requests and latency by route pattern and status (never by raw URL). */
export function metricsPlugin(app: App): void {
  const registry = new Registry();
  // The event-loop lag histogram samples with a timer of this period; prom-client's default
  // (10 ms) woke an idle server 100 times a second, most of its idle CPU. A stall still shows
  // in full (it delays the next sample by its length); there are only fewer samples.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 200 });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({ name: 'openkyb_http_requests_total', help: 'HTTP requests served', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'openkyb_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

import client from 'prom-client';

/** One registry per app instance, so tests that build several apps do not collide on metric names. */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpDuration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobsProcessed = new client.Counter({
    name: 'jobs_processed_total',
    help: 'Jobs finished by name and outcome',
    labelNames: ['name', 'outcome'] as const,
    registers: [registry],
  });
  const jobsQueued = new client.Gauge({
    name: 'jobs_queued',
    help: 'Jobs waiting or running, by status',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const dbPool = new client.Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, jobsProcessed, jobsQueued, dbPool };
}
export type Metrics = ReturnType<typeof createMetrics>;

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database';
import { safeEqual } from '../auth/tokens';
import { AppError } from '../errors';
import type { Metrics } from '../metrics';

/**
 * GET /metrics is for the operators' Prometheus only (interfaces.md §1): it answers a Bearer token from
 * METRICS_TOKEN, and without one configured it does not exist (404), so no deployment exposes it by omission.
 */
export async function serveMetrics(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { metrics: Metrics; database: Database; token: string | undefined },
) {
  if (!deps.token)
    throw new AppError('NOT_FOUND', 'No such address.', { messageVi: 'Không có địa chỉ này.' });
  const auth = request.headers.authorization ?? '';
  if (!auth.startsWith('Bearer ') || !safeEqual(auth.slice(7).trim(), deps.token)) {
    throw new AppError('UNAUTHENTICATED', 'The metrics token is missing or wrong.', {
      messageVi: 'Thiếu hoặc sai mã truy cập số liệu vận hành.',
      headers: { 'www-authenticate': 'Bearer realm="metrics"' },
    });
  }
  const pool = deps.database.poolStats();
  deps.metrics.dbPool.set({ state: 'total' }, pool.total);
  deps.metrics.dbPool.set({ state: 'idle' }, pool.idle);
  deps.metrics.dbPool.set({ state: 'waiting' }, pool.waiting);
  return reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
}

import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogCapture } from '../test/log-capture';
import { createLogger } from './logger';

/** Serves one request through a real Fastify with the given logger and returns the JSON lines it wrote. */
async function linesOfOneRequest(requestLogs: boolean | undefined) {
  const capture = createLogCapture();
  const logger = createLogger('info', capture.stream, { requestLogs });
  const app = Fastify({ loggerInstance: logger as FastifyBaseLogger });
  app.get('/api/v1/ok', async () => ({ ok: true }));
  app.get('/api/v1/broken', async () => {
    throw new Error('boom');
  });
  await app.inject({ method: 'GET', url: '/api/v1/ok?limit=5' });
  await app.inject({ method: 'GET', url: '/api/v1/broken' });
  logger.info({ outcome: 'created' }, 'demo province');
  await app.close();
  return capture.recentLines().map((line) => JSON.parse(line) as { level: number; msg: string });
}

describe('request logs', () => {
  it('are JSON, two lines a request, by default (production and any explicit LOG_LEVEL)', async () => {
    const lines = await linesOfOneRequest(undefined);
    expect(lines.filter((l) => l.msg === 'incoming request')).toHaveLength(2);
    expect(lines.filter((l) => l.msg === 'request completed')).toHaveLength(2);
    expect(lines.some((l) => l.msg === 'demo province')).toBe(true);
  });

  it('stay off the demo console, while request errors and other lines still print', async () => {
    const lines = await linesOfOneRequest(false);
    expect(lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toEqual([]);
    expect(lines.filter((l) => l.level >= 50).length).toBeGreaterThan(0);
    expect(lines.some((l) => l.msg === 'demo province')).toBe(true);
  });
});

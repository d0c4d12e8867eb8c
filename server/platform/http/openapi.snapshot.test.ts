import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

/**
 * /api/v1 is a contract (interfaces.md §2): the generated OpenAPI document is snapshot-tested so any change to a
 * public path, parameter or schema is a visible, reviewed diff. Refresh after an intended change with
 * `npx vitest run -u server/platform/http/openapi.snapshot.test.ts`.
 */
describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('documents every /api/v1 route with the shared contracts', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const apiPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/'));
    for (const required of ['/api/v1/units', '/api/v1/units/{code}', '/api/v1/me', '/api/v1/api-keys', '/api/v1/audit']) {
      expect(apiPaths).toContain(required);
    }
    for (const p of apiPaths) {
      for (const [method, op] of Object.entries(doc.paths[p]!)) {
        expect(Object.keys(op.responses ?? {}), `${method.toUpperCase()} ${p} documents its responses`).not.toHaveLength(0);
      }
    }
    await expect(JSON.stringify(doc, null, 2) + '\n').toMatchFileSnapshot('./openapi.snapshot.json');
  });
});

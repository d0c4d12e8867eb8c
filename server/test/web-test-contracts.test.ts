import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT_CONTRACTS } from '../../web/test-contracts';
import { createTestApp, type TestApp } from './app';

/**
 * The web tests check their fake API's bodies against web/test-contracts.ts; this keeps that table true to the
 * server: each endpoint it names is one the server documents, with the same request body and answer statuses.
 */
describe('the web tests’ endpoint contracts', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>>;
  beforeAll(async () => {
    t = await createTestApp();
    paths = ((await t.app.inject('/api/v1/openapi.json')).json() as { paths: typeof paths }).paths;
  });
  afterAll(async () => t.close());

  it('names only documented endpoints, with their body and success statuses', () => {
    const problems: string[] = [];
    for (const contract of ENDPOINT_CONTRACTS) {
      const path = contract.path.replace(/:(\w+)/g, '{$1}');
      const operation = paths[path]?.[contract.method.toLowerCase()];
      if (!operation) {
        problems.push(`${contract.method} ${contract.path} is not a server route`);
        continue;
      }
      if (Boolean(contract.body) !== Boolean(operation.requestBody)) {
        problems.push(
          `${contract.method} ${contract.path}: body ${contract.body ? 'declared' : 'missing'} here, not on the server`,
        );
      }
      for (const status of Object.keys(contract.responses)) {
        if (!(status in (operation.responses ?? {})))
          problems.push(`${contract.method} ${contract.path}: the server never answers ${status}`);
      }
      const success = Object.keys(operation.responses ?? {}).filter((s) => s.startsWith('2'));
      for (const status of success) {
        if (!(status in contract.responses))
          problems.push(`${contract.method} ${contract.path}: ${status} is missing here`);
      }
    }
    expect(problems).toEqual([]);
  });
});

import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { openApiSecurityOf } from './route-access';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, unknown>;
}
interface Document {
  info: { license?: { name: string; identifier?: string } };
  servers?: { url: string }[];
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

/** Fastify's `/units/:code` and `/x/:a.geojson` as OpenAPI writes them. */
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

/**
 * /api/v1 is a contract (interfaces.md §2): the generated OpenAPI document is snapshot-tested so any change to a
 * public path, parameter, schema or security is a visible, reviewed diff. Refresh after an intended change with
 * `npx vitest run server/platform/http/openapi.snapshot.test.ts -u` (in Vitest 4, a `-u` before the path takes the
 * path as its value and updates every snapshot).
 */
describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  let raw: string;
  beforeAll(async () => {
    t = await createTestApp();
    raw = (await t.app.inject('/api/v1/openapi.json')).body;
    doc = JSON.parse(raw) as Document;
  });
  afterAll(async () => t.close());

  it('documents exactly the registered routes (all but the hidden docs), each with its responses', () => {
    const registered = t.app
      .declaredRoutes()
      .filter((r) => !r.hidden && r.method !== 'HEAD')
      .map((r) => `${r.method} ${toOpenApiPath(r.url)}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(registered);
    expect(registered.length).toBeGreaterThan(50);
    for (const [p, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        expect(
          Object.keys(op.responses ?? {}),
          `${method.toUpperCase()} ${p} documents its responses`,
        ).not.toHaveLength(0);
  });

  it('states each operation’s security from the access the server enforces, and a unique camelCase operationId', () => {
    const ids = new Set<string>();
    for (const route of t.app.declaredRoutes().filter((r) => !r.hidden && r.method !== 'HEAD')) {
      const op = doc.paths[toOpenApiPath(route.url)]![route.method.toLowerCase()]!;
      const where = `${route.method} ${route.url}`;
      expect(op.security, where).toEqual(openApiSecurityOf(route.access!, route.method));
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(ids.has(op.operationId!), `${where}: operationId ${op.operationId} is unique`).toBe(false);
      ids.add(op.operationId!);
    }
    // Spot checks in the document's own words: a scope-bound read, a session-only write with CSRF, a public form.
    expect(doc.paths['/api/v1/support-records/{id}']!.get!.security).toEqual([
      { sessionCookie: [] },
      { apiKey: ['read'] },
    ]);
    expect(doc.paths['/api/v1/sync']!.post!.security).toEqual([
      { sessionCookie: [], csrfToken: [] },
      { apiKey: ['sync:write'] },
    ]);
    expect(doc.paths['/api/v1/support-records/review']!.post!.security).toEqual([
      { sessionCookie: [], csrfToken: [] },
    ]);
    expect(doc.paths['/api/v1/auth/login']!.post!.security).toEqual([]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'apiKey',
      'csrfToken',
      'sessionCookie',
    ]);
    expect(doc.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('has no error under Redocly’s recommended ruleset', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: raw, absoluteRef: 'openapi.json', config });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
    expect(errors).toEqual([]);
  });

  it('matches the reviewed snapshot', async () => {
    await expect(JSON.stringify(doc, null, 2) + '\n').toMatchFileSnapshot('./openapi.snapshot.json');
  });
});

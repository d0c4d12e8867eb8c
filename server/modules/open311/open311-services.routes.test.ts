import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../shared/rules/case-categories';
import { testDialect } from '../../test/database';
import { createOpen311World, JSON_TYPE, type Open311World, XML } from './open311.fixtures';
import { parseLikeFixMyStreet, rootName } from './xml-simple.test-helper';

/** Open311 GeoReport v2: discovery, the service list and service definitions, in XML and JSON. */
describe(`Open311 GeoReport v2 routes on ${testDialect()}`, () => {
  let w: Open311World;

  beforeAll(async () => {
    w = await createOpen311World();
  });
  afterAll(async () => w.close());

  it('discovery in both formats, with the exact content types', async () => {
    const j = await w.get('/open311/v2/discovery.json');
    expect(j.statusCode).toBe(200);
    expect(j.headers['content-type']).toBe(JSON_TYPE);
    expect(j.json()).toMatchObject({
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    expect(j.json().endpoints[0].url).toBe(`${w.t.config.publicUrl}/open311/v2`);
    const x = await w.get('/open311/v2/discovery.xml');
    expect(x.headers['content-type']).toBe(XML);
    expect(rootName(x.body)).toBe('discovery');
    expect(x.body).toContain('<formats><format>text/xml</format><format>application/json</format></formats>');
  });

  it('services: one per active citizen category, metadata true only with extra questions', async () => {
    const j = await w.get('/open311/v2/services.json');
    expect(j.headers['content-type']).toBe(JSON_TYPE);
    const services = j.json() as { service_code: string; metadata: boolean; type: string; group: string }[];
    const citizen = DEFAULT_CATEGORIES.filter((c) => c.kinds.some((k) => k !== 'proposal'));
    expect(services.map((s) => s.service_code).sort()).toEqual(citizen.map((c) => c.code).sort());
    expect(services.find((s) => s.service_code === 'roads')).toMatchObject({
      metadata: true,
      type: 'realtime',
      group: 'infrastructure',
    });
    expect(services.find((s) => s.service_code === 'waste')).toMatchObject({ metadata: false });
    expect(Object.keys(services[0]!)).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    const x = await w.get('/open311/v2/services.xml');
    expect(x.headers['content-type']).toBe(XML);
    expect(rootName(x.body)).toBe('services');
    expect((parseLikeFixMyStreet(x.body).service as unknown[]).length).toBe(services.length);
  });

  it('service definitions: attributes with values; an empty list without; 404 for unknown codes and proposal themes', async () => {
    const j = await w.get('/open311/v2/services/roads.json');
    expect(j.statusCode).toBe(200);
    const def = j.json() as { service_code: string; attributes: Record<string, unknown>[] };
    expect(def.service_code).toBe('roads');
    expect(def.attributes[0]).toMatchObject({
      variable: true,
      code: 'hazard',
      datatype: 'singlevaluelist',
      required: false,
      order: 1,
    });
    expect(def.attributes[0]!.values).toContainEqual({ key: 'pothole', name: 'Ổ gà' });
    expect(Object.keys(def.attributes[0]!)).toEqual([
      'variable',
      'code',
      'datatype',
      'required',
      'datatype_description',
      'order',
      'description',
      'values',
    ]);
    expect((await w.get('/open311/v2/services/waste.json')).json()).toEqual({
      service_code: 'waste',
      attributes: [],
    });
    const x = await w.get('/open311/v2/services/roads.xml');
    expect(rootName(x.body)).toBe('service_definition');
    const missing = await w.get('/open311/v2/services/no_such.xml');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe(XML);
    expect(parseLikeFixMyStreet(missing.body).error).toEqual([
      { code: '404', description: 'No such service.' },
    ]);
    expect((await w.get('/open311/v2/services/devices.json')).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { loadOfficialUnits } from './official-units.loader';

interface Item {
  code: string;
  level: string;
  name: string;
  fullName: string;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
}

describe('units routes', () => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp();
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
  });
  afterAll(async () => t.close());

  it('finds "Tân An" from "tan an", exact names first', async () => {
    for (const q of ['tan an', 'TÂN AN', 'Tân  An']) {
      const res = await get(`/api/v1/units?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Item[];
      expect(items[0]).toEqual({
        code: '27712',
        level: 'commune',
        name: 'Tân An',
        fullName: 'Phường Tân An',
        type: 'Phường',
        parentCode: '80',
        provinceCode: '80',
        validFrom: '2025-07-01',
        validTo: null,
      });
      expect(items.every((i) => i.validTo === null)).toBe(true);
    }
    const ninh = await get('/api/v1/units?q=ninh&level=commune');
    const names = (ninh.json().items as Item[]).map((i) => i.name);
    expect(names).toContain('Tân Ninh');
    expect(names.every((n) => n.toLowerCase().includes('ninh'))).toBe(true);
  });

  it('lists the 96 communes of province 80 over two pages with the cursor', async () => {
    const first = await get('/api/v1/units?level=commune&parent=80&limit=50');
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as { items: Item[]; nextCursor: string | null };
    expect(page1.items).toHaveLength(50);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await get(`/api/v1/units?level=commune&parent=80&limit=50&cursor=${page1.nextCursor}`);
    const page2 = second.json() as { items: Item[]; nextCursor: string | null };
    expect(page2.items).toHaveLength(46);
    expect(page2.nextCursor).toBeNull();
    const codes = [...page1.items, ...page2.items].map((i) => i.code);
    expect(new Set(codes).size).toBe(96);
    expect(codes).toEqual([...codes].sort());
    expect(
      [...page1.items, ...page2.items].every((i) => i.level === 'commune' && i.provinceCode === '80'),
    ).toBe(true);
  });

  it('lists pre-reform units for a date before the reform', async () => {
    const provinces = await get('/api/v1/units?level=province&at=2025-03-01');
    expect((provinces.json().items as Item[]).map((i) => [i.code, i.name, i.validTo])).toEqual([
      ['72', 'Tây Ninh', '2025-07-01'],
      ['80', 'Long An', '2025-07-01'],
    ]);
    const communes = await get('/api/v1/units?level=commune&parent=72&at=2025-03-01&limit=500');
    expect(communes.json().items).toHaveLength(94);
    const districts = await get('/api/v1/units?level=district&parent=72&at=2025-03-01');
    expect((districts.json().items as Item[]).map((i) => i.code)).toContain('703');
    const ofDistrict = await get('/api/v1/units?parent=703&at=2025-03-01');
    expect((ofDistrict.json().items as Item[]).find((i) => i.code === '25456')).toMatchObject({
      fullName: 'Phường 1',
      parentCode: '703',
    });
    const onReformDay = await get('/api/v1/units?level=province&at=2025-07-01');
    expect((onReformDay.json().items as Item[]).map((i) => [i.code, i.name])).toEqual([['80', 'Tây Ninh']]);
    const current = await get('/api/v1/units?level=district');
    expect(current.json().items).toEqual([]);
  });

  it('answers a retired commune with its successor', async () => {
    const res = await get('/api/v1/units/25456');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '25456',
      level: 'commune',
      fullName: 'Phường 1',
      provinceCode: '72',
      validTo: '2025-07-01',
      successors: [{ code: '25459', level: 'commune', fullName: 'Phường Tân Ninh', kind: 'full' }],
    });
  });

  it('answers the current unit when a code names both, with its predecessors', async () => {
    const commune = (await get('/api/v1/units/25459')).json();
    expect(commune).toMatchObject({
      code: '25459',
      fullName: 'Phường Tân Ninh',
      validTo: null,
      successors: [],
    });
    expect(commune.predecessors).toContainEqual({
      code: '25459',
      level: 'commune',
      fullName: 'Phường 3',
      kind: 'full',
      validTo: '2025-07-01',
    });
    expect(commune.predecessors).toContainEqual({
      code: '25597',
      level: 'commune',
      fullName: expect.any(String),
      kind: 'partial',
      validTo: '2025-07-01',
    });
    expect(commune.communeCount).toBeUndefined();

    const province = (await get('/api/v1/units/80')).json();
    expect(province).toMatchObject({
      code: '80',
      level: 'province',
      fullName: 'Tỉnh Tây Ninh',
      validTo: null,
      communeCount: 96,
    });
    expect(province.predecessors).toEqual([
      { code: '72', level: 'province', fullName: 'Tỉnh Tây Ninh', kind: 'full', validTo: '2025-07-01' },
      { code: '80', level: 'province', fullName: 'Tỉnh Long An', kind: 'full', validTo: '2025-07-01' },
    ]);
  });

  it('answers a retired province and a district with where they went', async () => {
    const old = (await get('/api/v1/units/72')).json();
    expect(old).toMatchObject({ code: '72', validTo: '2025-07-01', predecessors: [] });
    expect(old.successors).toEqual([
      { code: '80', level: 'province', fullName: 'Tỉnh Tây Ninh', kind: 'full' },
    ]);
    expect(old.communeCount).toBeUndefined();

    const district = (await get('/api/v1/units/703')).json();
    expect(district).toMatchObject({
      code: '703',
      level: 'district',
      fullName: 'Thành phố Tây Ninh',
      validTo: '2025-07-01',
    });
    expect(district.successors.map((s: { code: string; kind: string }) => [s.code, s.kind])).toEqual([
      ['25459', 'partial'],
      ['25480', 'partial'],
      ['25567', 'partial'],
    ]);
  });

  it('answers 404 for unknown codes and 400 for bad input, in the error shape', async () => {
    const unknown = await get('/api/v1/units/99999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.any(String),
      messageVi: expect.any(String),
    });
    for (const url of [
      '/api/v1/units/abc',
      '/api/v1/units/1234',
      '/api/v1/units?limit=0',
      '/api/v1/units?limit=501',
      '/api/v1/units?at=2025-02-30',
      '/api/v1/units?at=yesterday',
      '/api/v1/units?level=village',
      '/api/v1/units?parent=8',
      '/api/v1/units?cursor=not-a-cursor',
      `/api/v1/units?q=${'a'.repeat(101)}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VALIDATION');
    }
  });

  it('documents its routes in the OpenAPI', async () => {
    const res = await get('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/units',
        '/api/v1/units/{code}',
        '/api/v1/hamlets',
        '/api/v1/hamlets/{id}',
        '/api/v1/hamlets/{id}/merge',
        '/api/v1/hamlets/{id}/retire',
        '/api/v1/hamlets/import',
      ]),
    );
  });

  it('serves province and commune boundaries with their source, cache headers and an ETag', async () => {
    const res = await get('/api/v1/geo/provinces.geojson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(34);
    expect(body.source.upstream).toContain('thanglequoc/vietnamese-provinces-database');
    expect(body.source.licence).toContain('reuse terms unstated');
    expect(body.source.caveats.join(' ')).toContain('Licence unclear');

    const again = await get('/api/v1/geo/provinces.geojson', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const communes = await get('/api/v1/geo/communes/80.geojson');
    expect(communes.statusCode).toBe(200);
    expect(communes.json().features).toHaveLength(96);
    expect(communes.json().source.licence).toContain('sapnhap.bando.com.vn');
    expect(communes.headers.etag).not.toBe(etag);

    const missing = await get('/api/v1/geo/communes/01.geojson');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    expect((await get('/api/v1/geo/communes/x1.geojson')).statusCode).toBe(400);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DISTRICT_TYPES,
  douglasPeucker,
  isValidRing,
  PRE_REFORM_COMMUNE_TYPES,
  simplifyMultiPolygon,
  simplifyRing,
  typeFromFullName,
  type Position,
  type Ring,
} from './geo-build.lib';

/** A closed, slightly wobbly circle: many points that a simplifier should be able to drop. */
function makeCircle(cx: number, cy: number, radius: number, points: number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < points; i++) {
    const angle = (2 * Math.PI * i) / points;
    const r = radius * (1 + 0.001 * Math.sin(angle * 37));
    ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  ring.push(ring[0] as Position);
  return ring;
}

describe('simplifier', () => {
  it('keeps rings closed and shrinks a polygon', () => {
    const ring = makeCircle(106, 11, 0.5, 2000);
    const simplified = simplifyRing(ring, 0.004, 4);
    expect(isValidRing(simplified)).toBe(true);
    expect(simplified.length).toBeLessThan(ring.length / 10);
    expect(simplified.length).toBeGreaterThan(8);
  });

  it('keeps an island smaller than the tolerance as a closed triangle instead of dropping it', () => {
    const islet = makeCircle(112, 16.5, 0.001, 40);
    const [[simplified]] = simplifyMultiPolygon([[islet]], 0.004, 4) as [[Ring]];
    expect(isValidRing(simplified)).toBe(true);
    expect(simplified).toHaveLength(4);
  });

  it('drops collinear points but keeps the ends', () => {
    const line: Position[] = [0, 1, 2, 3, 4].map((x) => [x, 2 * x]);
    expect(douglasPeucker(line, 1e-9)).toEqual([
      [0, 0],
      [4, 8],
    ]);
  });

  it('handles rings too long for a recursive implementation', () => {
    const ring = makeCircle(105, 21, 1, 200_000);
    expect(isValidRing(simplifyRing(ring, 0.0001, 5))).toBe(true);
  });
});

describe('typeFromFullName', () => {
  it('reads the type from the FullName prefix, including two-word types', () => {
    expect(typeFromFullName('Thị xã Hương Trà', DISTRICT_TYPES)).toBe('Thị xã');
    expect(typeFromFullName('Thành phố Tây Ninh', DISTRICT_TYPES)).toBe('Thành phố');
    expect(typeFromFullName('Thị trấn Ba Chẽ', PRE_REFORM_COMMUNE_TYPES)).toBe('Thị trấn');
  });

  it('refuses a name without a known prefix', () => {
    expect(() => typeFromFullName('Huyện Lý Sơn', PRE_REFORM_COMMUNE_TYPES)).toThrow();
  });
});

// Only the parts of units.json these assertions read.
const row = z.array(z.string());
const unitsSchema = z.object({
  reformDate: z.string(),
  provinces: z.array(row),
  communes: z.array(row),
  preReform: z.object({ provinces: z.array(row), districts: z.array(row), communes: z.array(row) }),
  lineage: z.array(
    z.tuple([z.enum(['commune', 'district']), z.string(), z.string(), z.enum(['full', 'partial'])]),
  ),
  provinceLineage: z.array(z.tuple([z.string(), z.string()])),
});

describe('generated units.json', () => {
  const unitsUrl = new URL('../server/modules/geography/data/units.json', import.meta.url);
  const units = unitsSchema.parse(JSON.parse(readFileSync(unitsUrl, 'utf8')));

  it('has the headline counts', () => {
    expect(units.reformDate).toBe('2025-07-01');
    expect(units.provinces).toHaveLength(34);
    expect(units.communes).toHaveLength(3321);
    expect(units.communes.filter((c) => c[4] === '80')).toHaveLength(96);
    expect(units.preReform.provinces).toHaveLength(63);
    expect(units.preReform.districts).toHaveLength(696);
    expect(units.preReform.communes).toHaveLength(10035);
  });

  it('reaches every current commune through the lineage', () => {
    const targets = new Set(units.lineage.map((l) => l[2]));
    expect(units.communes.filter((c) => !targets.has(c[0] as string))).toEqual([]);
  });

  it('maps old Phường 1 (old Tây Ninh town) to 25459 and old province 72 to 80', () => {
    const fromOld25456 = units.lineage.filter((l) => l[0] === 'commune' && l[1] === '25456');
    expect(fromOld25456.map((l) => l[2])).toEqual(['25459']);
    expect(units.provinceLineage.filter((p) => p[0] === '72')).toEqual([['72', '80']]);
  });

  it('uses the NSO spelling and the current type', () => {
    const byCode = new Map(units.communes.map((c) => [c[0], c]));
    expect(byCode.get('00745')?.[1]).toBe('Phố Bảng');
    expect(byCode.get('25270')?.[2]).toBe('Phường Lộc Ninh');
    expect(units.provinces.find((p) => p[0] === '56')?.[2]).toBe('Tỉnh Khánh Hòa');
  });
});

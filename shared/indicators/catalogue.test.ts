import { describe, expect, it } from 'vitest';
import { DATA_ELEMENTS, dataElementByCode, INDICATORS, NEAR_SHARE, targetStatus } from './catalogue';
import { elementsOf } from './formula';

describe('the indicator catalogue', () => {
  it('has unique codes, in DHIS2 code form, named in both languages', () => {
    const codes = [...DATA_ELEMENTS.map((e) => e.code), ...INDICATORS.map((i) => i.code)];
    expect(new Set(codes).size).toBe(codes.length);
    for (const item of [...DATA_ELEMENTS, ...INDICATORS]) {
      expect(item.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(item.nameVi.trim()).not.toBe('');
      expect(item.nameEn.trim()).not.toBe('');
      expect(item.nameVi).not.toBe(item.nameEn);
    }
  });

  it('builds every indicator from data elements it defines', () => {
    for (const indicator of INDICATORS) {
      const used = [...elementsOf(indicator.numerator), ...elementsOf(indicator.denominator)];
      expect(used.length).toBeGreaterThan(0);
      for (const code of used)
        expect(dataElementByCode.has(code), `${indicator.code} reads ${code}`).toBe(true);
    }
    expect(INDICATORS.filter((i) => i.headline).length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    [62, 60, 'met'],
    [60, 60, 'met'],
    [60 * NEAR_SHARE, 60, 'near'],
    [53, 60, 'behind'],
    [53, null, 'noTarget'],
    [null, 60, 'noData'],
  ] as const)('says %s against a target of %s is %s', (value, target, status) => {
    expect(targetStatus(value, target)).toBe(status);
  });
});

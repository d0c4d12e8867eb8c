import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, MAX_CITIZEN_CATEGORIES, PROPOSAL_THEMES, validateCategoryList } from './case-categories';

describe('case categories', () => {
  it('the defaults are a valid list: at most 20 for citizens, with "Khác", codes unique', () => {
    expect(validateCategoryList([...DEFAULT_CATEGORIES, ...PROPOSAL_THEMES])).toEqual([]);
    expect(DEFAULT_CATEGORIES.length).toBeLessThanOrEqual(MAX_CITIZEN_CATEGORIES);
  });
  it('refuses a list without "other", with duplicates or too long', () => {
    expect(validateCategoryList([{ code: 'roads', kinds: ['report'] }])).toContain('the "other" (Khác) category is required');
    expect(validateCategoryList([{ code: 'other', kinds: ['report'] }, { code: 'other', kinds: ['petition'] }])).toContain(
      'duplicate code other',
    );
    const many = Array.from({ length: 21 }, (_, i) => ({ code: i === 0 ? 'other' : `c${i}`, kinds: ['report' as const] }));
    expect(validateCategoryList(many)[0]).toMatch(/at most 20/);
  });
  it('every list attribute has values and every code is a safe Open311 service code', () => {
    for (const c of DEFAULT_CATEGORIES) {
      expect(c.code).toMatch(/^[a-z][a-z0-9_]{1,40}$/);
      for (const a of c.attributes) {
        if (a.datatype.endsWith('valuelist')) expect(a.values?.length ?? 0).toBeGreaterThan(1);
      }
    }
  });
});

import type { AdminCategory } from '../../../../shared/contracts/case-admin';
import { MAX_CITIZEN_CATEGORIES } from '../../../../shared/rules/case-categories';

/**
 * The categories' admin form: a draft as typed (the order as text, so a half-typed number is never lost), the checks
 * the server makes (errors are i18n keys of "case-handling"), and the PATCH / POST bodies. The server decides the
 * province-wide rules ("Khác" stays active, at most 20 for citizens); the screen only counts to warn early.
 */

type Errors<K extends string> = Partial<Record<K, string>>;

export interface CategoryDraft {
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  sortOrder: string;
  active: boolean;
  /** For a new category only: citizens' reports (with a place), petitions (without), or both. */
  kinds: 'report' | 'petition' | 'both';
}

export const EMPTY_CATEGORY: CategoryDraft = {
  code: '',
  nameVi: '',
  nameEn: '',
  descriptionVi: '',
  descriptionEn: '',
  sortOrder: '',
  active: true,
  kinds: 'report',
};

/** An Open311 service code: it appears in FixMyStreet's URLs (services/{code}.xml), so plain lower-case ASCII. */
export const CATEGORY_CODE = /^[a-z][a-z0-9_]{1,39}$/;

export function categoryDraftOf(c: AdminCategory): CategoryDraft {
  const report = c.kinds.includes('report');
  const petition = c.kinds.includes('petition');
  return {
    code: c.code,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    descriptionVi: c.descriptionVi,
    descriptionEn: c.descriptionEn,
    sortOrder: String(c.sortOrder),
    active: c.active,
    kinds: report && petition ? 'both' : petition ? 'petition' : 'report',
  };
}

/** Teams' proposal themes are not offered to citizens: they do not count towards the 20. */
export const servesCitizens = (c: Pick<AdminCategory, 'kinds'>) => c.kinds.some((k) => k !== 'proposal');

/** Active categories citizens choose from, against MAX_CITIZEN_CATEGORIES. */
export function citizenCount(items: readonly AdminCategory[]): { active: number; max: number } {
  return { active: items.filter((c) => c.active && servesCitizens(c)).length, max: MAX_CITIZEN_CATEGORIES };
}

export function categoryErrors(d: CategoryDraft, isNew: boolean): Errors<keyof CategoryDraft> {
  const errors: Errors<keyof CategoryDraft> = {};
  if (isNew && (!CATEGORY_CODE.test(d.code.trim()) || d.code.trim().startsWith('proposal_')))
    errors.code = 'categories.errors.code';
  for (const key of ['nameVi', 'nameEn'] as const) {
    const n = d[key].trim().length;
    if (n < 2 || n > 120) errors[key] = 'categories.errors.name';
  }
  for (const key of ['descriptionVi', 'descriptionEn'] as const) {
    if (d[key].trim().length > 500) errors[key] = 'categories.errors.description';
  }
  const order = d.sortOrder.trim();
  if (!/^\d{1,4}$/.test(order) || Number(order) > 1000) errors.sortOrder = 'categories.errors.order';
  return errors;
}

/** PATCH /case-categories/{code}: the fields the form edits, trimmed. */
export function categoryPatchBody(d: CategoryDraft) {
  return {
    nameVi: d.nameVi.trim(),
    nameEn: d.nameEn.trim(),
    descriptionVi: d.descriptionVi.trim(),
    descriptionEn: d.descriptionEn.trim(),
    sortOrder: Number(d.sortOrder.trim()),
    active: d.active,
  };
}

/** POST /case-categories: a new citizens' category, with no extra questions. */
export function categoryCreateBody(d: CategoryDraft) {
  return {
    code: d.code.trim(),
    ...categoryPatchBody(d),
    kinds: d.kinds === 'both' ? ['report', 'petition'] : [d.kinds],
  };
}

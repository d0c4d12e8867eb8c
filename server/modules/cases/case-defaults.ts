/**
 * What a province starts with before its administrators change anything: the default categories and proposal
 * themes, the default deadline policy and retention period. Ensured at start-up (idempotent: a province with any
 * category keeps its own list; two servers starting together insert each category once).
 */
import {
  DEFAULT_CATEGORIES,
  OTHER_CATEGORY_CODE,
  PROPOSAL_THEMES,
} from '../../../shared/rules/case-categories';
import {
  DEFAULT_CASE_DEADLINES,
  validateDeadlinePolicy,
  type CaseDeadlinePolicy,
} from '../../../shared/rules/case-deadlines';
import { findPurpose } from '../../../shared/privacy/register';
import type { CaseCategoriesTable } from '../../db/schema';
import type { CasesRepository } from './cases.repository';

/** The register's period (12 months after closing) unless the province set its own. */
export const DEFAULT_RETENTION_MONTHS = findPurpose('reports').retention.amount;

export function defaultCategoryRows(provinceCode: string, at: string): CaseCategoriesTable[] {
  return [...DEFAULT_CATEGORIES, ...PROPOSAL_THEMES].map((c, i) => ({
    id: `${provinceCode}:${c.code}`,
    province_code: provinceCode,
    code: c.code,
    name_vi: c.nameVi,
    name_en: c.nameEn,
    description_vi: c.descriptionVi,
    description_en: c.descriptionEn,
    group_code: c.group,
    keywords: c.keywords,
    kinds_json: JSON.stringify(c.kinds),
    default_severity: c.defaultSeverity,
    attributes_json: JSON.stringify(c.attributes),
    is_other: c.code === OTHER_CATEGORY_CODE || c.code === 'proposal_other' ? 1 : 0,
    sort_order: i + 1,
    active: 1,
    updated_at: at,
  }));
}

/** Seeds the province's categories when it has none. Answers how many were inserted. */
export async function ensureCaseDefaults(
  cases: CasesRepository,
  provinceCode: string,
  at: string,
): Promise<number> {
  if ((await cases.countCategories(provinceCode)) > 0) return 0;
  const rows = defaultCategoryRows(provinceCode, at);
  await cases.insertCategories(rows);
  return rows.length;
}

/**
 * A province's deadline policy from case_settings (the agencies module edits it), or the defaults. A stored policy
 * that fails validation (a hand edit) falls back to the defaults rather than making impossible deadlines.
 */
export async function deadlinesFromSettings(
  cases: CasesRepository,
  provinceCode: string,
): Promise<CaseDeadlinePolicy> {
  const row = await cases.findSettings(provinceCode);
  if (!row) return DEFAULT_CASE_DEADLINES;
  try {
    const policy = {
      ...DEFAULT_CASE_DEADLINES,
      ...(JSON.parse(row.deadlines_json) as Partial<CaseDeadlinePolicy>),
    };
    return validateDeadlinePolicy(policy).length === 0 ? policy : DEFAULT_CASE_DEADLINES;
  } catch {
    return DEFAULT_CASE_DEADLINES;
  }
}

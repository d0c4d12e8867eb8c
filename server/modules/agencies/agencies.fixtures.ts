import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import { DEFAULT_CATEGORIES, PROPOSAL_THEMES } from '../../../shared/rules/case-categories';
import { foldText } from '../../../shared/text/fold';
import type { AgenciesTable, DB } from '../../db/schema';

/**
 * Test fixtures of the agencies module: a province's categories as the cases module seeds them (so these tests do
 * not depend on its seeding), and agencies written straight to the table.
 */
export async function seedTestCategories(db: Kysely<DB>, provinceCode = '80'): Promise<void> {
  const at = new Date().toISOString();
  await db
    .insertInto('case_categories')
    .values(
      [...DEFAULT_CATEGORIES, ...PROPOSAL_THEMES].map((c, i) => ({
        id: uuidv7(),
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
        is_other: c.code === 'other' ? 1 : 0,
        sort_order: i,
        active: 1,
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['province_code', 'code']).doNothing())
    .execute();
}

export async function buildAgency(
  db: Kysely<DB>,
  opts: {
    name?: string;
    communeCode?: string | null;
    provinceCode?: string;
    kind?: AgenciesTable['kind'];
    active?: boolean;
  } = {},
): Promise<string> {
  const id = uuidv7();
  const at = new Date().toISOString();
  const name = opts.name ?? `Cơ quan ${id.slice(-6)}`;
  await db
    .insertInto('agencies')
    .values({
      id,
      province_code: opts.provinceCode ?? '80',
      commune_code: opts.communeCode ?? null,
      name,
      name_en: null,
      kind: opts.kind ?? (opts.communeCode ? 'commune_office' : 'department'),
      email: null,
      phone: null,
      active: opts.active === false ? 0 : 1,
      search_text: foldText(name),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

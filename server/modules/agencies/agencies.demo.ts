import type { Insertable } from 'kysely';
import { foldText } from '../../../shared/text/fold';
import { PROPOSAL_THEMES } from '../../../shared/rules/case-categories';
import type { AgenciesTable, CaseRoutingRulesTable } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { ANONYMOUS } from '../../platform/auth/actor';
import type { DemoSeedContext } from '../demo/index';
import { DEFAULT_CASE_DEADLINES } from '../../../shared/rules/case-deadlines';
import { DEFAULT_RETENTION_MONTHS } from './case-config.service';
import { DEFAULT_REPLY_TEMPLATES } from './reply-templates.defaults';

type Kind = AgenciesTable['kind'];

/** The demo province's departments and utilities (Tây Ninh), each with the categories it answers by default. */
const PROVINCE_AGENCIES: readonly {
  key: string;
  name: string;
  nameEn: string;
  kind: Kind;
  email: string;
  categories: string[];
}[] = [
  {
    key: 'xay_dung',
    name: 'Sở Xây dựng',
    nameEn: 'Department of Construction',
    kind: 'department',
    email: 'sxd@tayninh.gov.vn',
    categories: ['roads', 'street_lighting', 'construction'],
  },
  {
    key: 'nn_mt',
    name: 'Sở Nông nghiệp và Môi trường',
    nameEn: 'Department of Agriculture and Environment',
    kind: 'department',
    email: 'snnmt@tayninh.gov.vn',
    categories: ['waste', 'pollution'],
  },
  {
    key: 'cong_an',
    name: 'Công an tỉnh',
    nameEn: 'Provincial Police',
    kind: 'police',
    email: 'congan@tayninh.gov.vn',
    categories: ['traffic_safety', 'security', 'online_scam', 'urban_order'],
  },
  {
    key: 'dien_luc',
    name: 'Công ty Điện lực Tây Ninh',
    nameEn: 'Tây Ninh Power Company',
    kind: 'utility',
    email: 'cskh@pctayninh.vn',
    categories: ['power'],
  },
  {
    key: 'cap_nuoc',
    name: 'Công ty Cấp thoát nước Tây Ninh',
    nameEn: 'Tây Ninh Water Supply and Drainage',
    kind: 'utility',
    email: 'cskh@capnuoctayninh.vn',
    categories: ['water_drainage'],
  },
  {
    key: 'khcn',
    name: 'Sở Khoa học và Công nghệ',
    nameEn: 'Department of Science and Technology',
    kind: 'department',
    email: 'skhcn@tayninh.gov.vn',
    categories: ['mobile_internet', 'online_services'],
  },
  {
    key: 'y_te',
    name: 'Sở Y tế',
    nameEn: 'Department of Health',
    kind: 'department',
    email: 'syt@tayninh.gov.vn',
    categories: ['health_food'],
  },
  {
    key: 'noi_vu',
    name: 'Sở Nội vụ',
    nameEn: 'Department of Home Affairs',
    kind: 'department',
    email: 'snv@tayninh.gov.vn',
    categories: ['social_welfare', 'procedures'],
  },
  {
    key: 'tinh_doan',
    name: 'Tỉnh Đoàn Tây Ninh',
    nameEn: 'Tây Ninh Provincial Youth Union',
    kind: 'youth_union',
    email: 'tinhdoan@tayninh.gov.vn',
    categories: PROPOSAL_THEMES.map((t) => t.code),
  },
];

/** What each commune's own office (UBND xã/phường) answers before the province default: order, waste, "Khác". */
const COMMUNE_CATEGORIES = ['urban_order', 'waste', 'other'];

/**
 * The demo's agency handlers (e-mails of DEMO_ACCOUNT_SPECS): each agency_handler grant is tied to an agency —
 * 'commune' means the office of the handler's commune.
 */
export const DEMO_AGENCY_HANDLERS: Readonly<Record<string, string>> = {
  'xuly@demo.congdongso.vn': 'xay_dung',
  'dienluc@demo.congdongso.vn': 'dien_luc',
  'ubndtanan@demo.congdongso.vn': 'commune',
};

/** "Phường Tân An" → "UBND phường Tân An". */
const officeName = (fullName: string) => `UBND ${fullName.charAt(0).toLowerCase()}${fullName.slice(1)}`;

/**
 * The demo province's agencies (its departments, utilities, police, Youth Union and every commune's People's
 * Committee office), routing rules (province defaults, and each commune's office for order, waste and "Khác"),
 * the default settings and reply templates, and the agency_handler accounts tied to their agency.
 */
export async function seedDemoAgencies(ctx: DemoSeedContext): Promise<void> {
  const { db, random, provinceCode } = ctx;
  const at = ctx.clock.now().toISOString();
  const agencies: Insertable<AgenciesTable>[] = [];
  const rules: Insertable<CaseRoutingRulesTable>[] = [];
  const byKey = new Map<string, string>();
  const agencyRow = (
    name: string,
    nameEn: string,
    kind: Kind,
    communeCode: string | null,
    email: string | null,
  ) => {
    const row: Insertable<AgenciesTable> = {
      id: random.id(),
      province_code: provinceCode,
      commune_code: communeCode,
      name,
      name_en: nameEn,
      kind,
      email,
      phone: null,
      active: 1,
      search_text: foldText(`${name} ${nameEn}`),
      created_at: at,
      updated_at: at,
    };
    agencies.push(row);
    return row.id;
  };
  const rule = (categoryCode: string, communeCode: string | null, agencyId: string) =>
    rules.push({
      id: random.id(),
      province_code: provinceCode,
      category_code: categoryCode,
      commune_code: communeCode,
      agency_id: agencyId,
      updated_by: null,
      updated_at: at,
    });

  for (const a of PROVINCE_AGENCIES) {
    const id = agencyRow(a.name, a.nameEn, a.kind, null, a.email);
    byKey.set(a.key, id);
    for (const category of a.categories) rule(category, null, id);
  }
  const offices = new Map<string, string>();
  for (const c of ctx.communes) {
    const id = agencyRow(
      officeName(c.fullName),
      `${c.fullName} People’s Committee`,
      'commune_office',
      c.code,
      null,
    );
    offices.set(c.code, id);
    for (const category of COMMUNE_CATEGORIES) rule(category, c.code, id);
  }
  for (let i = 0; i < agencies.length; i += 200)
    await db
      .insertInto('agencies')
      .values(agencies.slice(i, i + 200))
      .execute();
  for (let i = 0; i < rules.length; i += 200)
    await db
      .insertInto('case_routing_rules')
      .values(rules.slice(i, i + 200))
      .execute();

  await db
    .insertInto('case_settings')
    .values({
      province_code: provinceCode,
      deadlines_json: JSON.stringify(DEFAULT_CASE_DEADLINES),
      retention_months: DEFAULT_RETENTION_MONTHS,
      moderate_anonymous: 0,
      updated_by: null,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('province_code').doNothing())
    .execute();
  const haveTemplates = await db
    .selectFrom('case_reply_templates')
    .select('id')
    .where('province_code', '=', provinceCode)
    .limit(1)
    .execute();
  if (haveTemplates.length === 0) {
    await db
      .insertInto('case_reply_templates')
      .values(
        DEFAULT_REPLY_TEMPLATES.map((t) => ({
          id: random.id(),
          province_code: provinceCode,
          ...t,
          active: 1,
          updated_by: null,
          updated_at: at,
        })),
      )
      .execute();
  }

  // Each demo handler's grant names its agency (the grant's unit stays where the account was placed).
  for (const account of ctx.accounts) {
    const key = account.role === 'agency_handler' ? DEMO_AGENCY_HANDLERS[account.email] : undefined;
    if (!key) continue;
    const agencyId =
      key === 'commune'
        ? account.communeCode
          ? offices.get(account.communeCode)
          : undefined
        : byKey.get(key);
    if (!agencyId) continue;
    await db
      .updateTable('grants')
      .set({ agency_id: agencyId })
      .where('user_id', '=', account.userId)
      .where('role', '=', 'agency_handler')
      .execute();
  }

  await recordAudit(
    db,
    { actor: ANONYMOUS, ip: null, requestId: null, at },
    {
      action: 'demo.agencies_seeded',
      entityType: 'province',
      entityId: provinceCode,
      provinceCode,
      after: { agencies: agencies.length, rules: rules.length },
    },
  );
}

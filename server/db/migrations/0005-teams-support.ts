import { sql, type Kysely, type SqlBool } from 'kysely';

/**
 * Teams, members, the service catalogue and the field support log (issue 3). Dialect-neutral: text / integer /
 * real only. The support_records primary key is what guarantees "one row per id" under concurrent resends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('services')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('hamlet_id', 'text', (c) => c.references('hamlets.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('decision_signer', 'text')
    .addColumn('schedule', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text', (c) => c.references('teams.id'))
    .addColumn('status_reason', 'text')
    .addColumn('status_changed_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('teams_scope_idx')
    .on('teams')
    .columns(['province_code', 'commune_code', 'search_text', 'id'])
    .execute();
  await db.schema.createIndex('teams_hamlet_idx').on('teams').columns(['hamlet_id', 'status']).execute();
  // One active team per hamlet, and one active commune-level team per commune, even under concurrent creates.
  await db.schema
    .createIndex('teams_active_hamlet_uq')
    .on('teams')
    .column('hamlet_id')
    .unique()
    .where(sql<SqlBool>`status = 'active' and hamlet_id is not null`)
    .execute();
  await db.schema
    .createIndex('teams_active_commune_uq')
    .on('teams')
    .column('commune_code')
    .unique()
    .where(sql<SqlBool>`status = 'active' and hamlet_id is null`)
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('affiliation', 'text', (c) => c.notNull())
    .addColumn('organization', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('phone_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active_from', 'text', (c) => c.notNull())
    .addColumn('active_to', 'text')
    .addColumn('invitation_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('team_members_team_idx')
    .on('team_members')
    .columns(['team_id', 'active_to'])
    .execute();
  await db.schema
    .createIndex('team_members_user_idx')
    .on('team_members')
    .columns(['user_id', 'team_id'])
    .execute();

  await db.schema
    .createTable('team_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('team_changes_team_idx')
    .on('team_changes')
    .columns(['team_id', 'at'])
    .execute();

  await db.schema
    .createTable('support_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('hamlet_id', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('services_json', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('consent', 'integer', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('note', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('accuracy', 'double precision')
    .addColumn('campaign_id', 'text')
    .addColumn('help_request_id', 'text')
    .addColumn('supersedes', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text')
    .addColumn('author_api_key_id', 'text')
    .addColumn('member_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('superseded_by', 'text')
    .addColumn('retracted_at', 'text')
    .addColumn('retraction_reason', 'text')
    .addColumn('retracted_by', 'text')
    .addColumn('review_status', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('review_note', 'text')
    .execute();
  await db.schema
    .createIndex('support_records_scope_idx')
    .on('support_records')
    .columns(['province_code', 'commune_code', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('support_records_team_idx')
    .on('support_records')
    .columns(['team_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('support_records_author_idx')
    .on('support_records')
    .columns(['author_user_id', 'occurred_at'])
    .execute();
  // A version is corrected at most once: concurrent corrections of one record cannot both be stored.
  await db.schema
    .createIndex('support_records_supersedes_uq')
    .on('support_records')
    .column('supersedes')
    .unique()
    .execute();

  await db.schema
    .createTable('support_record_services')
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('support_record_services_pk', ['record_id', 'service_code'])
    .execute();
  await db.schema
    .createIndex('support_record_services_code_idx')
    .on('support_record_services')
    .columns(['service_code', 'record_id'])
    .execute();

  const now = new Date().toISOString();
  await (db as Kysely<{ services: ServiceSeedRow }>)
    .insertInto('services')
    .values(
      SERVICE_CATALOGUE.map((s, i) => ({
        ...s,
        description: s.description ?? null,
        status: 'active',
        sort_order: (i + 1) * 10,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

interface ServiceSeedRow {
  code: string;
  name: string;
  name_en: string;
  skill: string;
  description: string | null;
  status: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/**
 * The catalogue every deployment starts with (the five skills of domain.md §1 and the platforms under them).
 * A snapshot of this release: later changes are made by province admins, or by a later migration.
 */
const SERVICE_CATALOGUE: {
  code: string;
  name: string;
  name_en: string;
  skill: string;
  description?: string;
}[] = [
  {
    code: 'vneid_level2',
    name: 'Định danh điện tử VNeID mức 2',
    name_en: 'VNeID level-2 electronic identity',
    skill: 'public_services',
    description: 'Đăng ký, kích hoạt và sử dụng tài khoản định danh điện tử mức 2 (Nghị định 69/2024).',
  },
  {
    code: 'public_service_full',
    name: 'Dịch vụ công trực tuyến toàn trình',
    name_en: 'Online public service (full process)',
    skill: 'public_services',
    description: 'Nộp hồ sơ trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia hoặc của tỉnh.',
  },
  {
    code: 'public_service_partial',
    name: 'Dịch vụ công trực tuyến một phần',
    name_en: 'Online public service (partial)',
    skill: 'public_services',
    description: 'Nộp hồ sơ trực tuyến một phần, nhận kết quả tại bộ phận một cửa.',
  },
  {
    code: 'ecommerce_shopping',
    name: 'Mua sắm trực tuyến an toàn',
    name_en: 'Safe online shopping',
    skill: 'online_shopping',
  },
  {
    code: 'ecommerce_stall',
    name: 'Mở gian hàng thương mại điện tử',
    name_en: 'E-commerce stall',
    skill: 'online_shopping',
    description: 'Đưa nông sản, sản phẩm địa phương lên sàn thương mại điện tử.',
  },
  {
    code: 'payment_vietqr',
    name: 'Thanh toán bằng mã VietQR',
    name_en: 'VietQR payment',
    skill: 'online_payment',
  },
  { code: 'payment_bank_app', name: 'Ứng dụng ngân hàng', name_en: 'Bank app', skill: 'online_payment' },
  { code: 'payment_ewallet', name: 'Ví điện tử', name_en: 'E-wallet', skill: 'online_payment' },
  {
    code: 'online_safety',
    name: 'An toàn trên không gian mạng, nhận diện lừa đảo',
    name_en: 'Online safety and scam awareness',
    skill: 'online_safety',
  },
  {
    code: 'health_book',
    name: 'Sổ sức khỏe điện tử',
    name_en: 'Electronic health book',
    skill: 'local_platforms',
  },
  {
    code: 'province_app',
    name: 'Ứng dụng công dân số của tỉnh',
    name_en: 'The province’s citizen app',
    skill: 'local_platforms',
    description: 'Ví dụ: Tây Ninh Smart, ứng dụng phản ánh 1022 Tây Ninh.',
  },
  {
    code: 'platform_qa',
    name: 'Hỏi – đáp trực tuyến trên Cộng Đồng Số',
    name_en: 'Online Q&A on Cộng Đồng Số',
    skill: 'local_platforms',
  },
  {
    code: 'platform_reports',
    name: 'Phản ánh, kiến nghị hiện trường',
    name_en: 'On-the-spot reports and petitions',
    skill: 'local_platforms',
  },
];

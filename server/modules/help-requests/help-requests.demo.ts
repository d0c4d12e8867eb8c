/**
 * Help requests' part of the demo (issue 11): about 150 requests over the three months before the seed, across the
 * demo province's hamlets (a share in the demo commune, so its leader, member and officer have some to work on),
 * in every state — new ones past their call deadline, assigned, scheduled, done with a linked support record (some
 * rated), could not reach, cancelled. Written with ctx.db (the seed's transaction) the way intake and the handlers
 * write: contacts sealed, a consent record each, tracking codes from the day counters (moved on, so the next real
 * request of a day follows). No events and no notifications: the demo's past must not remind anyone.
 */
import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import { normalizeSupportContent } from '../../../shared/rules/support-record';
import {
  CALL_WITHIN_WORKING_DAYS,
  helpRequestTrackingCode,
} from '../../../shared/rules/help-request-workflow';
import { localDateOf, VIETNAM_OFFSET_MS } from '../../../shared/time/vietnam-time';
import { addWorkingDays } from '../../../shared/time/working-time';
import type { DB, Sealed, SupportRecordsTable } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { ANONYMOUS } from '../../platform/auth/actor';
import { sealContact } from '../../platform/crypto/sealed-columns';
import { recordConsents } from '../../platform/privacy/consent';
import { createCalendarModule } from '../calendar/index';
import { DEMO_COMMUNE_CODE, type DemoSeedContext } from '../demo/index';
import { hashContent } from '../support/index';
import { createMembersRepository, isActiveOn } from '../teams/index';
import { HELP_REQUEST_CONSENT_VERSION, HELP_REQUEST_CONTACT_SUBJECT } from './help-request-intake.service';
import { demoLife } from './help-requests.demo-life';
import type { HelpRequestRow } from './help-requests.repository';
import { sha256Hex } from './help-requests.rules';

export const DEMO_HELP_REQUEST_COUNT = 150;
/** Of which in the demo commune (the demo accounts' commune). */
const IN_DEMO_COMMUNE = 36;
const DAYS = 90;
const DAY_MS = 86_400_000;

const FREE_NEEDS = [
  'Cài ứng dụng ngân hàng cho mẹ tôi, mẹ không biết dùng điện thoại thông minh.',
  'Hướng dẫn ông bà gọi video cho con cháu ở xa.',
  'Nhờ xem giúp điện thoại bị nhắn tin lừa đảo.',
  'Đăng ký tài khoản để nộp hồ sơ xin giấy phép kinh doanh.',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi'];
const GIVEN = ['Thị Lan', 'Văn Hùng', 'Thị Mai', 'Văn Phúc', 'Thị Hồng', 'Minh Tuấn', 'Thị Thu', 'Văn Sáu'];
const TIMES = ['Sáng thứ Bảy', 'Sau 17 giờ các ngày trong tuần', 'Buổi chiều', 'Chủ nhật', null, null];
const COMMENTS = ['Các bạn nhiệt tình, hướng dẫn dễ hiểu.', 'Cảm ơn tổ đã đến tận nhà.', null, null];

/** Local daytime (7:00–20:00, Vietnam) on the day `ageDays` before `nowMs`, never after it. */
function createdAt(random: DemoSeedContext['random'], nowMs: number): number {
  // Recent days weigh more: most open requests are young.
  const ageDays = Math.floor(random.next() ** 1.4 * DAYS);
  const localDay = new Date(nowMs + VIETNAM_OFFSET_MS - ageDays * DAY_MS).toISOString().slice(0, 10);
  const ms = Date.parse(`${localDay}T00:00:00Z`) - VIETNAM_OFFSET_MS + random.int(7 * 60, 20 * 60) * 60_000;
  return Math.min(ms, nowMs - random.int(10, 120) * 60_000);
}

export async function seedDemoHelpRequests(ctx: DemoSeedContext): Promise<void> {
  const { db, random, provinceCode, sealer } = ctx;
  const now = ctx.clock.now();
  const nowMs = now.getTime();
  const at = now.toISOString();
  const today = localDateOf(now);
  const calendar = await createCalendarModule({ db, clock: ctx.clock }).calendarFor(provinceCode);
  const teams = await db
    .selectFrom('teams')
    .select(['id', 'level', 'commune_code', 'hamlet_id'])
    .where('province_code', '=', provinceCode)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const services = await db
    .selectFrom('services')
    .select(['code', 'name'])
    .where('status', '=', 'active')
    .orderBy('sort_order')
    .execute();
  if (teams.length === 0 || services.length === 0 || ctx.hamlets.length === 0) return;
  const members = (await createMembersRepository(db, sealer).listInProvince(provinceCode)).filter((m) =>
    isActiveOn(m, today),
  );
  const membersOf = new Map<string, typeof members>();
  for (const m of members) membersOf.set(m.team_id, [...(membersOf.get(m.team_id) ?? []), m]);
  const hamletTeam = new Map(teams.filter((t) => t.hamlet_id).map((t) => [t.hamlet_id!, t]));
  const communeTeam = new Map(teams.filter((t) => t.level === 'commune').map((t) => [t.commune_code, t]));
  const demoHamlets = ctx.hamlets.filter((h) => h.communeCode === DEMO_COMMUNE_CODE);

  const requests: Omit<HelpRequestRow, 'code'>[] = [];
  const updates: Insertable<DB['help_request_updates']>[] = [];
  const records: SupportRecordsTable[] = [];
  const sealed = (value: string, context: string) => sealer.seal(value, context) as Sealed;

  for (let i = 0; i < DEMO_HELP_REQUEST_COUNT; i++) {
    const hamlet =
      i < IN_DEMO_COMMUNE && demoHamlets.length > 0 ? random.pick(demoHamlets) : random.pick(ctx.hamlets);
    // Some requests name only the commune; they still reach the hamlet's team when the citizen named it.
    const namesHamlet = random.chance(0.85);
    const team = (namesHamlet ? hamletTeam.get(hamlet.id) : undefined) ?? communeTeam.get(hamlet.communeCode);
    const routedTo: HelpRequestRow['routed_to'] = team
      ? team.level === 'hamlet'
        ? 'hamlet_team'
        : 'commune_team'
      : 'commune_officer';
    const created = createdAt(random, nowMs);
    const id = random.idAt(created);
    const service = random.chance(0.85) ? random.pick(services) : null;
    const teamMembers = team ? (membersOf.get(team.id) ?? []) : [];
    const life = demoLife(random, created, nowMs, teamMembers.length > 0);
    const assignee =
      life.assignedAt === null
        ? null
        : (teamMembers.find((m) => m.role === 'member' && random.chance(0.5)) ?? random.pick(teamMembers));
    const phone = `+849${String(random.int(10_000_000, 99_999_999))}`;
    const contactPhone = sealContact(sealer, 'help_requests.contact_phone', 'phone', phone);
    const callDue = addWorkingDays(calendar, new Date(created), CALL_WITHIN_WORKING_DAYS);
    const overdue = life.state === 'new' && callDue.getTime() < nowMs;
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    let supportRecordId: string | null = null;
    if (life.state === 'done' && team && assignee) {
      const occurredMs = life.closedAt!;
      supportRecordId = random.idAt(occurredMs);
      records.push(
        linkedRecord(
          supportRecordId,
          id,
          team,
          assignee,
          hamlet.id,
          service?.code ?? services[0]!.code,
          occurredMs,
          nowMs,
          random,
        ),
      );
    }
    const rated = life.state === 'done' && random.chance(0.55);
    const ratedMs = rated ? Math.min(nowMs - 60_000, life.closedAt! + random.int(2, 72) * 3_600_000) : null;
    requests.push({
      id,
      province_code: provinceCode,
      commune_code: hamlet.communeCode,
      hamlet_id: namesHamlet ? hamlet.id : null,
      team_id: team?.id ?? null,
      team_hamlet_id: team?.hamlet_id ?? null,
      routed_to: routedTo,
      state: life.state,
      service_code: service?.code ?? null,
      need_text: service ? service.name : random.pick(FREE_NEEDS),
      preferred_time: random.pick(TIMES),
      address: random.chance(0.6)
        ? sealed(`Số ${random.int(1, 200)}, ${hamlet.name}`, 'help_requests.address')
        : null,
      contact_name: random.chance(0.8)
        ? sealed(`${random.pick(FAMILY)} ${random.pick(GIVEN)}`, 'help_requests.contact_name')
        : null,
      contact_phone: contactPhone.sealed,
      contact_phone_hash: contactPhone.hash,
      // Nobody holds the demo's private links: the token is thrown away.
      token_hash: sha256Hex(randomBytes(24).toString('base64url')),
      assigned_member_id: assignee?.id ?? null,
      assigned_user_id: assignee?.user_id ?? null,
      assigned_at: iso(life.assignedAt),
      scheduled_for: iso(life.scheduledFor),
      first_contact_at: iso(
        life.steps.find((s) => s.action === 'schedule' || s.action === 'not_reached')?.at ?? null,
      ),
      call_due_at: callDue.toISOString(),
      reminded_at: overdue ? new Date(Math.min(nowMs, callDue.getTime() + 3_600_000)).toISOString() : null,
      support_record_id: supportRecordId,
      closed_at: iso(life.closedAt),
      close_reason: life.closeReason,
      rating: rated ? random.pick([5, 5, 5, 4, 4, 3]) : null,
      rating_comment: rated ? random.pick(COMMENTS) : null,
      rated_at: iso(ratedMs),
      channel: 'web',
      created_by: null,
      contact_anonymised_at: null,
      created_at: new Date(created).toISOString(),
      updated_at: new Date(life.steps.at(-1)!.at).toISOString(),
    });
    for (const step of life.steps) {
      updates.push({
        id: random.idAt(step.at),
        help_request_id: id,
        province_code: provinceCode,
        action: step.action,
        from_state: step.from,
        to_state: step.to,
        note: step.note,
        actor_user_id: step.action === 'created' ? null : (assignee?.user_id ?? null),
        created_at: new Date(step.at).toISOString(),
      });
    }
  }

  const rows = await assignCodes(db, provinceCode, requests);
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('help_requests')
      .values(rows.slice(i, i + 100))
      .execute();
  for (let i = 0; i < updates.length; i += 200)
    await db
      .insertInto('help_request_updates')
      .values(updates.slice(i, i + 200))
      .execute();
  if (records.length > 0) {
    await db.insertInto('support_records').values(records).execute();
    await db
      .insertInto('support_record_services')
      .values(
        records.flatMap((r) =>
          (JSON.parse(r.services_json) as string[]).map((code) => ({ record_id: r.id, service_code: code })),
        ),
      )
      .execute();
  }
  await recordConsents(
    db,
    rows.map((r) => ({
      purpose: 'help_requests' as const,
      textVersion: HELP_REQUEST_CONSENT_VERSION,
      channel: 'web' as const,
      subjectType: HELP_REQUEST_CONTACT_SUBJECT,
      subjectId: r.id,
      provinceCode,
      contactHash: r.contact_phone_hash,
      recordedBy: null,
      givenAt: r.created_at,
    })),
  );
  await recordAudit(
    db,
    { actor: ANONYMOUS, ip: null, requestId: null, at },
    {
      action: 'demo.help_requests_seeded',
      entityType: 'province',
      entityId: provinceCode,
      provinceCode,
      after: { requests: rows.length, supportRecords: records.length, days: DAYS },
    },
  );
}

/** The support record that completed a demo request: the assignee's, at the visit, naming the request. */
function linkedRecord(
  id: string,
  helpRequestId: string,
  team: { id: string; hamlet_id: string | null },
  member: {
    id: string;
    user_id: string | null;
    province_code: string;
    commune_code: string;
    hamlet_id: string | null;
  },
  hamletId: string,
  serviceCode: string,
  occurredMs: number,
  nowMs: number,
  random: DemoSeedContext['random'],
): SupportRecordsTable {
  const content = normalizeSupportContent({
    teamId: team.id,
    hamletId,
    occurredAt: new Date(occurredMs).toISOString(),
    services: [serviceCode],
    outcome: 'done',
    person: {
      ageBand: random.chance(0.6) ? '60_plus' : '40_59',
      gender: random.chance(0.55) ? 'female' : 'male',
    },
    consent: false,
    durationMinutes: random.int(15, 60),
    note: null,
  });
  return {
    id,
    team_id: team.id,
    hamlet_id: content.hamletId,
    province_code: member.province_code,
    commune_code: member.commune_code,
    team_hamlet_id: team.hamlet_id,
    occurred_at: content.occurredAt,
    services_json: JSON.stringify(content.services),
    outcome: content.outcome,
    age_band: content.ageBand,
    gender: content.gender,
    consent: 0,
    consent_version: null,
    consent_withdrawn_at: null,
    duration_minutes: content.durationMinutes,
    note: null,
    lat: null,
    lng: null,
    accuracy: null,
    campaign_id: null,
    help_request_id: helpRequestId,
    supersedes: null,
    content_hash: hashContent(content),
    author_user_id: member.user_id,
    author_api_key_id: null,
    member_id: member.id,
    received_at: new Date(Math.min(occurredMs + random.int(1, 6) * 3_600_000, nowMs)).toISOString(),
    state: 'active',
    superseded_by: null,
    retracted_at: null,
    retraction_reason: null,
    retracted_by: null,
    review_status: 'pending',
    reviewed_at: null,
    reviewed_by: null,
    review_note: null,
  };
}

/** Codes in order of filing, per local day, after whatever the day's counter already holds; the counters move on. */
async function assignCodes(
  db: DemoSeedContext['db'],
  provinceCode: string,
  requests: Omit<HelpRequestRow, 'code'>[],
): Promise<HelpRequestRow[]> {
  const existing = new Map(
    (
      await db
        .selectFrom('help_request_code_counters')
        .select(['day', 'last_seq'])
        .where('province_code', '=', provinceCode)
        .execute()
    ).map((r) => [r.day, Number(r.last_seq)]),
  );
  const last = new Map<string, number>();
  const sorted = [...requests].sort(
    (a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
  );
  const rows = sorted.map((r): HelpRequestRow => {
    const localDay = localDateOf(new Date(r.created_at));
    const day = localDay.replaceAll('-', '');
    const seq = (last.get(day) ?? existing.get(day) ?? 0) + 1;
    last.set(day, seq);
    return { ...r, code: helpRequestTrackingCode(localDay, seq) };
  });
  for (const [day, last_seq] of last) {
    await db
      .insertInto('help_request_code_counters')
      .values({ province_code: provinceCode, day, last_seq })
      .onConflict((oc) => oc.columns(['province_code', 'day']).doUpdateSet({ last_seq }))
      .execute();
  }
  return rows;
}

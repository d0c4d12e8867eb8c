import type { AgeBand, Gender, Outcome } from '../../../shared/contracts/support';
import { normalizeSupportContent } from '../../../shared/rules/support-record';
import type { SupportRecordsTable } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { ANONYMOUS } from '../../platform/auth/actor';
import type { DemoSeedContext } from '../demo/index';
import { createMembersRepository, isActiveOn } from '../teams/index';
import { VIETNAM_OFFSET_MS } from '../../../shared/time/vietnam-time';
import { hashContent } from './support-ingest.rules';
import { createSupportRecordsRepository } from './support-records.repository';
import { addDays } from '../../../shared/time/vietnam-time';
import { consentColumns, supportConsents } from './support-consent';
import { recordConsents } from '../../platform/privacy/consent';

const DAYS = 182;
/** Records per team on an ordinary weekday: about 50,000 over the province's ~500 teams in six months. */
const BASE_RATE = 0.52;

/** A plausible mix: VNeID and public services lead, payments and online safety follow (weights). */
const SERVICE_WEIGHTS: readonly [string, number][] = [
  ['vneid_level2', 24],
  ['public_service_full', 12],
  ['public_service_partial', 8],
  ['payment_vietqr', 10],
  ['payment_bank_app', 9],
  ['payment_ewallet', 6],
  ['online_safety', 10],
  ['health_book', 7],
  ['province_app', 8],
  ['ecommerce_shopping', 3],
  ['ecommerce_stall', 2],
  ['platform_qa', 2],
  ['platform_reports', 2],
];
const AGE_WEIGHTS: readonly [AgeBand, number][] = [
  ['60_plus', 34],
  ['40_59', 36],
  ['18_39', 25],
  ['under_18', 5],
];
const GENDER_WEIGHTS: readonly [Gender, number][] = [
  ['female', 55],
  ['male', 44],
  ['unknown', 1],
];
const OUTCOME_WEIGHTS: readonly [Outcome, number][] = [
  ['done', 80],
  ['partly', 14],
  ['follow_up', 6],
];
const NOTES = [
  'Hướng dẫn cài ứng dụng và đăng nhập lần đầu.',
  'Người cao tuổi, hỗ trợ tại nhà.',
  'Đã hướng dẫn nhận diện tin nhắn giả mạo ngân hàng.',
  'Cần quay lại để hoàn tất xác thực khuôn mặt.',
  'Hướng dẫn cả gia đình cùng cài đặt.',
];

function weighted<T>(random: DemoSeedContext['random'], items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random.next() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** Weekday rhythm, weekend peaks, and a monthly "ra quân" campaign Saturday (the second of the month). */
function dayWeight(day: string): number {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay();
  const dom = date.getUTCDate();
  if (weekday === 6 && dom >= 8 && dom <= 14) return 5;
  if (day.endsWith('-10-10')) return 3;
  return weekday === 6 ? 1.6 : weekday === 0 ? 1.1 : 0.8;
}

/** Local minutes after midnight: weekends in the morning, weekdays mostly after work. */
function minuteOfDay(random: DemoSeedContext['random'], weekend: boolean): number {
  if (weekend) return random.chance(0.7) ? random.int(7 * 60, 11 * 60 + 30) : random.int(14 * 60, 17 * 60);
  return random.chance(0.6) ? random.int(17 * 60 + 30, 20 * 60 + 30) : random.int(8 * 60, 11 * 60);
}

/**
 * Demo seed extension (after seedDemoTeams): six months of support records for the demo province, written in
 * bulk. Deterministic for a given clock day; ids are UUIDv7 stamped with the time of the help.
 */
export async function seedDemoSupportRecords(ctx: DemoSeedContext): Promise<void> {
  const { db, random } = ctx;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const members = await createMembersRepository(db, ctx.sealer).listInProvince(ctx.provinceCode);
  const byTeam = new Map<string, typeof members>();
  for (const m of members) byTeam.set(m.team_id, [...(byTeam.get(m.team_id) ?? []), m]);
  const hamletsOf = new Map<string, string[]>();
  for (const h of ctx.hamlets) hamletsOf.set(h.communeCode, [...(hamletsOf.get(h.communeCode) ?? []), h.id]);
  const teams = [...byTeam.entries()].map(([teamId, list]) => ({
    teamId,
    list,
    activity: 0.3 + random.next() * 1.4,
  }));

  const today = new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  const rows: SupportRecordsTable[] = [];
  for (let offset = DAYS; offset >= 1; offset--) {
    const day = addDays(today, -offset);
    const weight = dayWeight(day);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    for (const team of teams) {
      const expected = BASE_RATE * weight * team.activity;
      const count = Math.floor(expected) + (random.next() < expected % 1 ? 1 : 0);
      const active = team.list.filter((m) => isActiveOn(m, day));
      if (count === 0 || active.length === 0) continue;
      for (let i = 0; i < count; i++) {
        const member = random.chance(0.35) ? active[0]! : random.pick(active);
        const occurredMs =
          Date.parse(`${day}T00:00:00Z`) -
          VIETNAM_OFFSET_MS +
          minuteOfDay(random, weekend) * 60_000 +
          random.int(0, 59_000);
        const n = random.chance(0.6) ? 1 : random.chance(0.75) ? 2 : 3;
        const services = new Set<string>();
        while (services.size < n) services.add(weighted(random, SERVICE_WEIGHTS));
        const consent = random.chance(0.95);
        const commune = hamletsOf.get(member.commune_code) ?? [];
        const hamletId =
          member.hamlet_id && (random.chance(0.9) || commune.length === 0)
            ? member.hamlet_id
            : random.pick(commune);
        const input = {
          teamId: team.teamId,
          hamletId,
          occurredAt: new Date(occurredMs).toISOString(),
          services: [...services],
          outcome: weighted(random, OUTCOME_WEIGHTS),
          person: { ageBand: weighted(random, AGE_WEIGHTS), gender: weighted(random, GENDER_WEIGHTS) },
          consent,
          durationMinutes: random.chance(0.7) ? random.int(5, 45) : null,
          note: consent && random.chance(0.05) ? random.pick(NOTES) : null,
        };
        const content = normalizeSupportContent(input);
        const old = offset > 14;
        const review = old
          ? random.chance(0.03)
            ? 'flagged'
            : random.chance(0.78)
              ? 'reviewed'
              : 'pending'
          : 'pending';
        const retracted = random.chance(0.003);
        rows.push({
          id: random.idAt(occurredMs),
          team_id: team.teamId,
          hamlet_id: content.hamletId,
          province_code: member.province_code,
          commune_code: member.commune_code,
          team_hamlet_id: member.hamlet_id,
          occurred_at: content.occurredAt,
          services_json: JSON.stringify(content.services),
          outcome: content.outcome,
          age_band: content.ageBand,
          gender: content.gender,
          ...consentColumns(consent),
          duration_minutes: content.durationMinutes,
          note: content.note,
          lat: null,
          lng: null,
          accuracy: null,
          campaign_id: null,
          help_request_id: null,
          supersedes: null,
          content_hash: hashContent(content),
          author_user_id: member.user_id,
          author_api_key_id: null,
          member_id: member.id,
          received_at: new Date(
            Math.min(occurredMs + random.int(1, 48) * 3_600_000, now.getTime()),
          ).toISOString(),
          state: retracted ? 'retracted' : 'active',
          superseded_by: null,
          retracted_at: retracted ? at : null,
          retraction_reason: retracted ? 'Ghi trùng với một lượt hỗ trợ khác.' : null,
          retracted_by: null,
          review_status: review,
          reviewed_at:
            review === 'pending' ? null : new Date(occurredMs + random.int(2, 6) * 86_400_000).toISOString(),
          reviewed_by: null,
          review_note: review === 'flagged' ? 'Kiểm tra lại dịch vụ đã chọn.' : null,
        });
      }
    }
  }

  const repo = createSupportRecordsRepository(db);
  await repo.insertNew(rows);
  await repo.insertServices(
    rows.flatMap((r) =>
      (JSON.parse(r.services_json) as string[]).map((code) => ({ record_id: r.id, service_code: code })),
    ),
  );
  await recordConsents(db, supportConsents(rows));
  await recordAudit(
    db,
    { actor: ANONYMOUS, ip: null, requestId: null, at },
    {
      action: 'demo.support_seeded',
      entityType: 'province',
      entityId: ctx.provinceCode,
      provinceCode: ctx.provinceCode,
      after: { records: rows.length, days: DAYS },
    },
  );
}

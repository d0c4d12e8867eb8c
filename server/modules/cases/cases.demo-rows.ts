/**
 * Shared pieces of the case demo's rows (issue 10): a submitted case with everything the later steps fill still
 * empty (as intake stores it), daytime filing times, tracking codes drawn after the day counters, chunked inserts.
 */
import type { Insertable } from 'kysely';
import { caseTrackingCode } from '../../../shared/rules/case-workflow';
import { localDateOf } from '../../../shared/time/vietnam-time';
import type { CasesTable, DB } from '../../db/schema';
import type { DemoSeedContext, SeedRandom } from '../demo/index';

export const DAY_MS = 86_400_000;

type Given = Pick<
  CasesTable,
  | 'id'
  | 'province_code'
  | 'commune_code'
  | 'hamlet_id'
  | 'kind'
  | 'category_code'
  | 'severity'
  | 'title'
  | 'description'
  | 'attributes_json'
  | 'reporter_name'
  | 'reporter_token_hash'
  | 'source'
  | 'channel'
  | 'created_by'
  | 'submitted_at'
  | 'accept_due_at'
  | 'published_at'
> &
  Partial<CasesTable>;

/** A case as intake stores it on submission: the given columns, the rest empty until its life fills them. */
export function submittedCase(given: Given): CasesTable {
  return {
    code: '',
    state: 'submitted',
    public_description: given.description,
    lat: null,
    lng: null,
    location_accuracy: null,
    address_text: null,
    agency_id: null,
    merged_into_id: null,
    team_id: null,
    theme: null,
    reporter_phone: null,
    reporter_phone_hash: null,
    reporter_email: null,
    reporter_email_hash: null,
    show_name: 0,
    public_name: null,
    api_key_id: null,
    external_ref: null,
    media_url: null,
    accepted_at: null,
    handle_due_at: null,
    answered_at: null,
    closed_at: null,
    refused_reason: null,
    refused_not_competent: 0,
    answer_text: null,
    rating: null,
    rating_comment: null,
    rated_at: null,
    disputed_at: null,
    reopen_count: 0,
    hidden: 0,
    hidden_reason: null,
    supporters: 0,
    warned_at: null,
    overdue_flagged_at: null,
    contact_anonymised_at: null,
    updated_at: given.submitted_at,
    ...given,
  };
}

/** Filed between 06:00 and 22:00 in Vietnam: a time drawn at night moves to the daytime that follows it. */
export function daytime(random: SeedRandom, ms: number, nowMs: number): number {
  const hour = (((ms / 3_600_000 + 7) % 24) + 24) % 24;
  let t = hour < 6 || hour >= 22 ? ms + (((6 - hour + 24) % 24) + random.next() * 12) * 3_600_000 : ms;
  while (t > nowMs) t -= DAY_MS;
  return Math.round(t / 1000) * 1000;
}

export async function inChunks<T>(rows: readonly T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * PAKN.yyyymmdd.nnnn in filing order per local day, after the numbers the day counters already gave out; the
 * counters are moved to the last number used, so the next report filed that day gets the following one.
 */
export async function assignCodes(db: DemoSeedContext['db'], provinceCode: string, cases: CasesTable[]) {
  const existing = new Map(
    (
      await db
        .selectFrom('case_code_counters')
        .select(['day', 'last_seq'])
        .where('province_code', '=', provinceCode)
        .execute()
    ).map((r) => [r.day, Number(r.last_seq)]),
  );
  const last = new Map<string, number>();
  cases.sort((a, b) => a.submitted_at.localeCompare(b.submitted_at) || a.id.localeCompare(b.id));
  for (const c of cases) {
    const localDay = localDateOf(new Date(c.submitted_at));
    const day = localDay.replaceAll('-', '');
    const seq = (last.get(day) ?? existing.get(day) ?? 0) + 1;
    last.set(day, seq);
    c.code = caseTrackingCode(localDay, seq);
  }
  const counters: Insertable<DB['case_code_counters']>[] = [...last].map(([day, last_seq]) => ({
    province_code: provinceCode,
    day,
    last_seq,
  }));
  await inChunks(counters, 200, (chunk) =>
    db
      .insertInto('case_code_counters')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['province_code', 'day']).doUpdateSet((eb) => ({ last_seq: eb.ref('excluded.last_seq') })),
      )
      .execute(),
  );
}

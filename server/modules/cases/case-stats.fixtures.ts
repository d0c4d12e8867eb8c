import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import type { CasesTable, DB } from '../../db/schema';

let sequence = 0;

/**
 * A case row written straight to the table for the deadline job's and the statistics' tests: they read cases in
 * every state and at any age, which the intake and the workflow would take many calls (and a moving clock) to make.
 * The reporter's columns stay empty: these tests must never need them.
 */
export async function insertTestCase(
  db: Kysely<DB>,
  fields: Partial<CasesTable> & { submitted_at: string; accept_due_at: string },
): Promise<CasesTable> {
  sequence += 1;
  const row: CasesTable = {
    id: uuidv7(),
    code: `PAKN.${fields.submitted_at.slice(0, 10).replace(/-/g, '')}.${String(9000 + sequence).padStart(4, '0')}`,
    province_code: '80',
    commune_code: null,
    hamlet_id: null,
    kind: 'report',
    category_code: 'roads',
    severity: 'normal',
    state: 'submitted',
    title: `Phản ánh thử ${sequence}`,
    description: 'Mặt đường có ổ gà lớn.',
    public_description: 'Mặt đường có ổ gà lớn.',
    attributes_json: '{}',
    lat: null,
    lng: null,
    location_accuracy: null,
    address_text: null,
    agency_id: null,
    merged_into_id: null,
    team_id: null,
    theme: null,
    reporter_name: null,
    reporter_phone: null,
    reporter_phone_hash: null,
    reporter_email: null,
    reporter_email_hash: null,
    reporter_token_hash: null,
    show_name: 0,
    public_name: null,
    source: 'web',
    channel: 'web',
    created_by: null,
    api_key_id: null,
    external_ref: null,
    media_url: null,
    accepted_at: null,
    handle_due_at: null,
    answered_at: null,
    closed_at: null,
    refused_reason: null,
    answer_text: null,
    rating: null,
    rating_comment: null,
    rated_at: null,
    disputed_at: null,
    reopen_count: 0,
    published_at: null,
    hidden: 0,
    hidden_reason: null,
    supporters: 0,
    warned_at: null,
    overdue_flagged_at: null,
    contact_anonymised_at: null,
    updated_at: fields.submitted_at,
    ...fields,
  };
  await db.insertInto('cases').values(row).execute();
  return row;
}

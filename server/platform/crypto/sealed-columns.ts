import { sql, type Kysely } from 'kysely';
import type { ContactHash, DB, Sealed } from '../../db/schema';
import type { Sealer } from './sealing';

/**
 * The one place contact values are sealed for the database and opened from it. Repositories call `sealPhone` when
 * they write and `openSealed` when they read, so services and presenters only ever see the normalised number
 * (+84…); the branded `Sealed` column type makes writing a plain number a compile error.
 */

/** Every phone hash shares one context, so a data-subject request finds the same number in every table. */
export const PHONE_HASH_CONTEXT = 'phone';
/** Citizens' e-mail addresses (lower-cased) share one hash context too. */
export const EMAIL_HASH_CONTEXT = 'email';
/** A mail whose recipient is a citizen is queued with the address sealed under this context (opened to send). */
export const MAIL_TO_CONTEXT = 'mail_outbox.to';

/** Seals a citizen's contact (a normalised phone number or a lower-cased e-mail) with its look-up hash. */
export function sealContact(sealer: Sealer, context: string, kind: 'phone' | 'email', value: string) {
  return {
    sealed: sealer.seal(value, context) as Sealed,
    hash: sealer.hash(value, kind === 'phone' ? PHONE_HASH_CONTEXT : EMAIL_HASH_CONTEXT) as ContactHash,
  };
}

export interface SealedPhone {
  sealed: Sealed | null;
  hash: ContactHash | null;
}

/** Seals a normalised phone number (or null) for the column named by `context`, with its look-up hash. */
export function sealPhone(sealer: Sealer, context: string, phone: string | null): SealedPhone {
  if (phone === null) return { sealed: null, hash: null };
  return {
    sealed: sealer.seal(phone, context) as Sealed,
    hash: sealer.hash(phone, PHONE_HASH_CONTEXT) as ContactHash,
  };
}

/** The hashes a stored row may carry for this number (one per key version, for rows a rotation has not reached). */
export function phoneHashes(sealer: Sealer, phone: string): ContactHash[] {
  return sealer.hashesFor(phone, PHONE_HASH_CONTEXT) as ContactHash[];
}

export function isSealed(value: string): boolean {
  return value.startsWith('s1.');
}

/**
 * Opens a stored value. A value that is not sealed is returned as it is: a row written before migration 0011 and
 * not yet reached by the start-up pass (`sealPendingColumns`), which seals it within seconds of the upgrade.
 */
export function openSealed(sealer: Sealer, context: string, value: string | null): string | null {
  if (value === null) return null;
  return isSealed(value) ? sealer.open(value, context) : value;
}

/**
 * A sealed column: its table (keyed by `id`), the column, its hash column (a contact found by equality; none for
 * free text, which is never looked up) and the sealing context.
 */
export interface SealedColumn {
  table:
    | 'users'
    | 'team_members'
    | 'teams'
    | 'data_subject_requests'
    | 'cases'
    | 'case_followers'
    | 'help_requests'
    | 'questions';
  column: string;
  hashColumn?: string;
  context: string;
  /** A column saying whether the value is a 'phone' or an 'email' (its hash context); phones otherwise. */
  kindColumn?: string;
  /** A column that always holds one kind (an e-mail column has the e-mail hash context); 'phone' when absent. */
  kind?: 'phone' | 'email';
}

/** Every sealed column of the platform; modules that add one list it here, so rotation and the scan reach it. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'users', column: 'phone', hashColumn: 'phone_hash', context: 'users.phone' },
  { table: 'team_members', column: 'phone', hashColumn: 'phone_hash', context: 'team_members.phone' },
  {
    table: 'teams',
    column: 'contact_phone',
    hashColumn: 'contact_phone_hash',
    context: 'teams.contact_phone',
  },
  {
    table: 'data_subject_requests',
    column: 'contact',
    hashColumn: 'contact_hash',
    context: 'data_subject_requests.contact',
    kindColumn: 'contact_kind',
  },
  // What the person wrote about their request: free text that names them and often holds more contact data.
  { table: 'data_subject_requests', column: 'description', context: 'data_subject_requests.description' },
  // The case engine (issue 10): a reporter's name is free text (never looked up); phone and e-mail are found by hash.
  { table: 'cases', column: 'reporter_name', context: 'cases.reporter_name' },
  {
    table: 'cases',
    column: 'reporter_phone',
    hashColumn: 'reporter_phone_hash',
    context: 'cases.reporter_phone',
  },
  {
    table: 'cases',
    column: 'reporter_email',
    hashColumn: 'reporter_email_hash',
    context: 'cases.reporter_email',
    kind: 'email',
  },
  {
    table: 'case_followers',
    column: 'email',
    hashColumn: 'email_hash',
    context: 'case_followers.email',
    kind: 'email',
  },
  // Help requests (issue 11): the requester's phone (found by hash), name and address (free text, never looked up).
  {
    table: 'help_requests',
    column: 'contact_phone',
    hashColumn: 'contact_phone_hash',
    context: 'help_requests.contact_phone',
  },
  { table: 'help_requests', column: 'contact_name', context: 'help_requests.contact_name' },
  { table: 'help_requests', column: 'address', context: 'help_requests.address' },
  // The online Q&A (issue 11): the asker's e-mail, only to tell them of an answer.
  {
    table: 'questions',
    column: 'asker_email',
    hashColumn: 'asker_email_hash',
    context: 'questions.asker_email',
    kind: 'email',
  },
];

/** A value sealed inside a JSON payload column (short-lived rows: invitation links, queued phone messages). */
export interface SealedJsonField {
  table: 'auth_tokens' | 'jobs';
  /** Only rows whose `kindColumn` is `kind` carry the field. */
  kindColumn: string;
  kind: string;
  field: string;
  context: string;
}

export const SEALED_JSON_FIELDS: readonly SealedJsonField[] = [
  {
    table: 'auth_tokens',
    kindColumn: 'kind',
    kind: 'invitation',
    field: 'phone',
    context: 'auth_tokens.phone',
  },
  {
    table: 'jobs',
    kindColumn: 'name',
    kind: 'accounts.phoneMessage',
    field: 'to',
    context: 'jobs.phone_message',
  },
];

export interface ResealReport {
  table: string;
  column: string;
  resealed: number;
}

const BATCH = 500;

/**
 * Seals every value of the sealed columns that is plain (written before migration 0011) or sealed under an older
 * key version, in batches of 500 rows by id, each batch its own short transaction: the servers keep running, a
 * stopped run resumes where rows still need it, and a row changed meanwhile is left to its writer (who sealed it
 * under the current key already). Used at start-up (plain rows) and by `npm run keys:rotate` (old versions).
 */
export async function resealColumns(
  db: Kysely<DB>,
  sealer: Sealer,
  /** 'plain': only values not sealed yet (start-up); 'rotate': also values under an older key version. */
  mode: 'plain' | 'rotate',
): Promise<ResealReport[]> {
  const reports: ResealReport[] = [];
  const skip = mode === 'plain' ? 's1.%' : `s1.${sealer.currentVersion}.%`;
  const done = (value: string) =>
    mode === 'plain' ? isSealed(value) : value.startsWith(`s1.${sealer.currentVersion}.`);
  for (const spec of SEALED_COLUMNS) {
    const resealed = await inBatches(
      db,
      (after) =>
        db
          .selectFrom(spec.table)
          .select([
            'id',
            sql<string>`${sql.ref(spec.column)}`.as('value'),
            sql<string>`${spec.kindColumn ? sql.ref(spec.kindColumn) : sql.lit(spec.kind ?? 'phone')}`.as(
              'kind',
            ),
          ])
          .where(sql.ref(spec.column), 'is not', null)
          .where(sql.ref(spec.column), 'not like', skip)
          .where('id', '>', after)
          .orderBy('id')
          .limit(BATCH)
          .execute(),
      async (trx, row) => {
        const plain = openSealed(sealer, spec.context, row.value)!;
        const kind = row.kind === 'email' ? 'email' : 'phone';
        const next = spec.hashColumn
          ? sealContact(sealer, spec.context, kind, plain)
          : { sealed: sealer.seal(plain, spec.context), hash: null };
        return trx
          .updateTable(spec.table)
          .set(
            spec.hashColumn
              ? { [spec.column]: next.sealed, [spec.hashColumn]: next.hash }
              : { [spec.column]: next.sealed },
          )
          .where('id', '=', row.id)
          .where(sql.ref(spec.column), '=', row.value)
          .executeTakeFirst();
      },
    );
    reports.push({ table: spec.table, column: spec.column, resealed });
  }
  for (const spec of SEALED_JSON_FIELDS) {
    const resealed = await inBatches(
      db,
      (after) =>
        db
          .selectFrom(spec.table)
          .select(['id', 'payload_json'])
          .where(sql.ref(spec.kindColumn), '=', spec.kind)
          .where('id', '>', after)
          .orderBy('id')
          .limit(BATCH)
          .execute(),
      async (trx, row) => {
        const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
        const value = payload[spec.field];
        if (typeof value !== 'string' || done(value)) return null;
        payload[spec.field] = sealer.seal(openSealed(sealer, spec.context, value)!, spec.context);
        return trx
          .updateTable(spec.table)
          .set({ payload_json: JSON.stringify(payload) })
          .where('id', '=', row.id)
          .where('payload_json', '=', row.payload_json)
          .executeTakeFirst();
      },
    );
    reports.push({ table: spec.table, column: `${spec.field} (in payload_json)`, resealed });
  }
  return reports;
}

/**
 * Reads rows by id in batches (`next(after)`), updating each batch in one short transaction; an update guarded by
 * the value it read changes nothing when a writer got there first. Returns the number of rows changed.
 */
async function inBatches<R extends { id: string }>(
  db: Kysely<DB>,
  next: (after: string) => Promise<R[]>,
  update: (trx: Kysely<DB>, row: R) => Promise<{ numUpdatedRows: bigint } | null>,
): Promise<number> {
  let changed = 0;
  let after = '';
  for (;;) {
    const rows = await next(after);
    if (rows.length === 0) return changed;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) changed += Number((await update(trx, row))?.numUpdatedRows ?? 0);
    });
    after = rows[rows.length - 1]!.id;
  }
}

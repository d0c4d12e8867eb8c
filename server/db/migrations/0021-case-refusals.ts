import type { Kysely } from 'kysely';

/**
 * Whether a refusal was for want of competence (issue 10): a handler refusing with notCompetent=true says the case
 * belongs to no agency of the province, which Open311 clients read as NOT_COUNCILS_RESPONSIBILITY rather than
 * NO_FURTHER_ACTION. On the case, not the timeline entry, because a refusal ends a case: it happens once. Existing
 * refusals stay 0 — the reason was never recorded, and guessing it from their text would put words in a handler's mouth.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('refused_not_competent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '../../shared/ids';
import type { DB, PersonalDataAccessTable } from '../db/schema';

export type PersonalDataAccess = Omit<PersonalDataAccessTable, 'id'>;

/**
 * Writes one reveal of a sealed value to the personal-data access log (who, whose record, which field, why, when),
 * in the caller's transaction: a value is never shown without its log row. The log is kept like the audit trail.
 */
export async function recordPersonalDataAccess(
  ex: Kysely<DB> | Transaction<DB>,
  entry: PersonalDataAccess,
): Promise<void> {
  await ex
    .insertInto('personal_data_access')
    .values({ id: uuidv7(new Date(entry.at).getTime()), ...entry })
    .execute();
}

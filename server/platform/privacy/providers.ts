import type { Kysely } from 'kysely';
import type { ContactHash, DB } from '../../db/schema';

/**
 * The contact a data-subject request is about, as the look-ups need it: the normalised value and its keyed hashes
 * under every key version (sealed columns are found by hash, staff e-mails by equality).
 */
export interface SubjectContact {
  kind: 'phone' | 'email';
  value: string;
  hashes: ContactHash[];
}

/** One thing the platform holds about the person, as the access export shows it. */
export interface PersonalDataItem {
  /** What it is, in plain words (vi / en). */
  label: { vi: string; en: string };
  /** The module's own record id, so a handler can find it. */
  recordId: string;
  /** The fields, opened (the person's own data, exported to them). */
  data: Record<string, string | number | boolean | null>;
}

/**
 * A module's answer to data-subject requests (issue 9): what it holds about a contact, and how it anonymises it on
 * deletion — contact data and free text cleared, rows that figures count kept. Modules register one each in the
 * composition root; modules added later plug in the same way.
 */
export interface PersonalDataProvider {
  /** The register purpose it serves (shared/privacy/register.ts). */
  purpose: string;
  find(db: Kysely<DB>, contact: SubjectContact): Promise<PersonalDataItem[]>;
  /** Anonymises what `find` finds, in the caller's transaction; answers how many rows changed. */
  erase(db: Kysely<DB>, contact: SubjectContact, at: string): Promise<number>;
}

import { Dexie, type EntityTable } from 'dexie';
import type { SupportRecordBody, SyncResult } from './support-record-types';

/** A record captured on this device that the server has not accepted yet. */
export interface OutboxEntry {
  /** The record's own uuidv7 id: resending it is always safe, the server stores one row per id. */
  id: string;
  /** The account that captured it: only that account's session sends it, so nothing is attributed to someone else. */
  userId: string;
  record: SupportRecordBody;
  /** waiting: will be sent; refused: the server answered conflict/invalid and the member must fix or discard it. */
  state: 'waiting' | 'refused';
  refusal: Exclude<SyncResult['status'], 'created' | 'duplicate'> | null;
  errors: NonNullable<SyncResult['errors']>;
  createdAt: string;
  attempts: number;
  lastAttemptAt: string | null;
}

/** A record the server has accepted, kept locally so the member sees what went out even when offline. */
export interface SentEntry {
  id: string;
  userId: string;
  record: SupportRecordBody;
  status: 'created' | 'duplicate';
  sentAt: string;
}

/** Small values the capture form needs on a cold offline start (services, my teams, hamlets, last choices). */
export interface CacheEntry {
  key: string;
  value: unknown;
  savedAt: string;
}

export type OfflineDatabase = Dexie & {
  outbox: EntityTable<OutboxEntry, 'id'>;
  sent: EntityTable<SentEntry, 'id'>;
  cache: EntityTable<CacheEntry, 'key'>;
};

export const OFFLINE_DB_NAME = 'cong-dong-so-offline';

/**
 * Opens the device database. The schema is versioned like a migration: later versions add stores or indexes,
 * never drop the outbox, because a phone may hold unsent records across app updates.
 */
export function openOfflineDatabase(name: string = OFFLINE_DB_NAME): OfflineDatabase {
  const db = new Dexie(name) as OfflineDatabase;
  db.version(1).stores({
    outbox: 'id, userId, state, createdAt',
    sent: 'id, userId, sentAt',
    cache: 'key',
  });
  return db;
}

let shared: OfflineDatabase | null = null;

/** The one database the app uses; tests open their own with a fresh name. */
export function getOfflineDatabase(): OfflineDatabase {
  shared ??= openOfflineDatabase();
  return shared;
}

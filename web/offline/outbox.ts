import type { OfflineDatabase, OutboxEntry, SentEntry } from './offline-db';
import type { SupportRecordBody, SyncResult } from './support-record-types';

/** How many accepted records the device keeps for the member's "sent" list; older ones live on the server. */
export const SENT_HISTORY_LIMIT = 300;

/** Stores a freshly captured record. Writing to IndexedDB first is what makes capture work with no network. */
export async function addToOutbox(
  db: OfflineDatabase,
  userId: string,
  record: SupportRecordBody,
  nowIso: string = new Date().toISOString(),
): Promise<OutboxEntry> {
  const entry: OutboxEntry = {
    id: record.id,
    userId,
    record,
    state: 'waiting',
    refusal: null,
    errors: [],
    createdAt: nowIso,
    attempts: 0,
    lastAttemptAt: null,
  };
  await db.outbox.add(entry);
  return entry;
}

/**
 * "Edit and resend": the fixed record goes in under a new id and the refused one leaves, in one transaction,
 * so a crash in between can neither lose the record nor keep both.
 */
export async function replaceInOutbox(
  db: OfflineDatabase,
  userId: string,
  replacedId: string,
  record: SupportRecordBody,
  nowIso: string = new Date().toISOString(),
): Promise<OutboxEntry> {
  return db.transaction('rw', db.outbox, async () => {
    const entry = await addToOutbox(db, userId, record, nowIso);
    await db.outbox.delete(replacedId);
    return entry;
  });
}

/** The account's unsent records, oldest first (the order they were captured and are sent in). */
export async function listOutbox(db: OfflineDatabase, userId: string): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('userId').equals(userId).toArray();
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export async function listWaiting(db: OfflineDatabase, userId: string): Promise<OutboxEntry[]> {
  return (await listOutbox(db, userId)).filter((e) => e.state === 'waiting');
}

/** Records captured on this device by other accounts: never sent with this session, never deleted. */
export async function countOtherAccounts(db: OfflineDatabase, userId: string): Promise<number> {
  return db.outbox.where('userId').notEqual(userId).count();
}

/** Discarding is the member's explicit choice for a refused record; nothing else deletes an unsent record. */
export async function discardFromOutbox(db: OfflineDatabase, id: string): Promise<void> {
  await db.outbox.delete(id);
}

export async function listSent(db: OfflineDatabase, userId: string): Promise<SentEntry[]> {
  const rows = await db.sent.where('userId').equals(userId).toArray();
  return rows.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
}

/**
 * Applies the server's per-record answers in one IndexedDB transaction: accepted records move to the sent
 * history, refused ones stay with the server's errors. Ids the server did not answer stay waiting.
 */
export async function applySyncResults(
  db: OfflineDatabase,
  results: readonly SyncResult[],
  nowIso: string = new Date().toISOString(),
): Promise<{ accepted: number; refused: number }> {
  let accepted = 0;
  let refused = 0;
  await db.transaction('rw', db.outbox, db.sent, async () => {
    for (const result of results) {
      if (result.id === null) continue;
      const entry = await db.outbox.get(result.id);
      if (!entry) continue;
      if (result.status === 'created' || result.status === 'duplicate') {
        await db.sent.put({
          id: entry.id,
          userId: entry.userId,
          record: entry.record,
          status: result.status,
          sentAt: nowIso,
        });
        await db.outbox.delete(entry.id);
        accepted++;
      } else {
        await db.outbox.update(entry.id, {
          state: 'refused',
          refusal: result.status,
          errors: result.errors ?? [],
          attempts: entry.attempts + 1,
          lastAttemptAt: nowIso,
        });
        refused++;
      }
    }
  });
  if (accepted > 0) await pruneSentHistory(db);
  return { accepted, refused };
}

/** Counts an attempt that got no per-record answer (offline, timeout, signed out) without changing state. */
export async function noteAttempt(
  db: OfflineDatabase,
  ids: readonly string[],
  nowIso: string,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const id of ids) {
      const entry = await db.outbox.get(id);
      if (entry) await db.outbox.update(id, { attempts: entry.attempts + 1, lastAttemptAt: nowIso });
    }
  });
}

async function pruneSentHistory(db: OfflineDatabase): Promise<void> {
  const total = await db.sent.count();
  if (total <= SENT_HISTORY_LIMIT) return;
  const oldest = await db.sent
    .orderBy('sentAt')
    .limit(total - SENT_HISTORY_LIMIT)
    .primaryKeys();
  await db.sent.bulkDelete(oldest);
}

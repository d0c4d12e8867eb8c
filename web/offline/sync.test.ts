import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { openOfflineDatabase, type OfflineDatabase } from './offline-db';
import { addToOutbox, listOutbox, listSent, listWaiting } from './outbox';
import { buildRecord } from './support-record.fixtures';
import type { SupportRecordBody, SyncResult } from './support-record-types';
import { MAX_SYNC_BATCH, splitIntoBatches, syncOutbox, type SendBatch } from './sync';

const opened: OfflineDatabase[] = [];
function freshDatabase(): OfflineDatabase {
  const db = openOfflineDatabase(`sync-test-${uuidv7()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function fillOutbox(
  db: OfflineDatabase,
  count: number,
  userId = 'user-a',
): Promise<SupportRecordBody[]> {
  const records: SupportRecordBody[] = [];
  const base = Date.parse('2026-11-28T00:00:00.000Z');
  for (let i = 0; i < count; i++) {
    const record = buildRecord();
    records.push(record);
    await addToOutbox(db, userId, record, new Date(base + i).toISOString());
  }
  return records;
}

/** A server double that accepts everything and remembers each batch it received. */
function acceptingServer() {
  const batches: SupportRecordBody[][] = [];
  const send: SendBatch = async (records) => {
    batches.push(records);
    return { results: records.map((r): SyncResult => ({ id: r.id, status: 'created' })) };
  };
  return { batches, send };
}

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

describe('splitIntoBatches', () => {
  it('splits into batches of at most the given size, keeping order', () => {
    const items = Array.from({ length: 1203 }, (_, i) => i);
    const batches = splitIntoBatches(items);
    expect(batches.map((b) => b.length)).toEqual([500, 500, 203]);
    expect(batches.flat()).toEqual(items);
    expect(splitIntoBatches([], 500)).toEqual([]);
    expect(splitIntoBatches([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});

describe('syncOutbox', () => {
  it('sends more than 500 waiting records in batches of at most 500 and empties the outbox', async () => {
    const db = freshDatabase();
    const records = await fillOutbox(db, MAX_SYNC_BATCH + 7);
    const server = acceptingServer();

    const outcome = await syncOutbox({ db, userId: 'user-a', send: server.send });

    expect(server.batches.map((b) => b.length)).toEqual([500, 7]);
    expect(server.batches.flat().map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(outcome).toEqual({ accepted: 507, refused: 0, remaining: 0, stoppedBy: null });
    expect(await listOutbox(db, 'user-a')).toEqual([]);
    expect((await listSent(db, 'user-a')).length).toBe(300);
  });

  it('keeps every record when the session has expired (401) and sends them after signing in again', async () => {
    const db = freshDatabase();
    const records = await fillOutbox(db, 3);
    const expired: SendBatch = async () => {
      throw new HttpError(401);
    };

    const outcome = await syncOutbox({ db, userId: 'user-a', send: expired });

    expect(outcome).toEqual({ accepted: 0, refused: 0, remaining: 3, stoppedBy: 'signedOut' });
    const kept = await listWaiting(db, 'user-a');
    expect(kept.map((e) => e.record)).toEqual(records);
    expect(kept.every((e) => e.attempts === 1)).toBe(true);

    const server = acceptingServer();
    const resumed = await syncOutbox({ db, userId: 'user-a', send: server.send });
    expect(resumed.accepted).toBe(3);
    expect(await listOutbox(db, 'user-a')).toEqual([]);
  });

  it('keeps unanswered records when the network fails mid-run and stops at the failing batch', async () => {
    const db = freshDatabase();
    await fillOutbox(db, 5);
    let calls = 0;
    const flaky: SendBatch = async (records) => {
      calls++;
      if (calls === 2) throw new TypeError('Failed to fetch');
      return { results: records.map((r): SyncResult => ({ id: r.id, status: 'duplicate' })) };
    };

    const outcome = await syncOutbox({ db, userId: 'user-a', send: flaky, batchSize: 2 });

    expect(calls).toBe(2);
    expect(outcome).toEqual({ accepted: 2, refused: 0, remaining: 3, stoppedBy: 'unreachable' });
    expect(await listWaiting(db, 'user-a')).toHaveLength(3);
  });

  it('keeps refused records out of later runs until the member acts on them', async () => {
    const db = freshDatabase();
    const [good, bad] = await fillOutbox(db, 2);
    const send: SendBatch = async (records) => ({
      results: records.map((r): SyncResult =>
        r.id === bad!.id
          ? { id: r.id, status: 'conflict', errors: [{ path: 'id', message: 'Different content' }] }
          : { id: r.id, status: 'created' },
      ),
    });

    const outcome = await syncOutbox({ db, userId: 'user-a', send });
    expect(outcome).toMatchObject({ accepted: 1, refused: 1, remaining: 0 });
    expect((await listSent(db, 'user-a')).map((e) => e.id)).toEqual([good!.id]);

    const server = acceptingServer();
    await syncOutbox({ db, userId: 'user-a', send: server.send });
    expect(server.batches).toEqual([]);
    expect((await listOutbox(db, 'user-a'))[0]).toMatchObject({
      id: bad!.id,
      state: 'refused',
      refusal: 'conflict',
    });
  });

  it("never sends another account's records with this session", async () => {
    const db = freshDatabase();
    await fillOutbox(db, 2, 'user-b');
    const mine = await fillOutbox(db, 1, 'user-a');
    const server = acceptingServer();

    await syncOutbox({ db, userId: 'user-a', send: server.send });

    expect(server.batches.flat().map((r) => r.id)).toEqual([mine[0]!.id]);
    expect(await listWaiting(db, 'user-b')).toHaveLength(2);
  });
});

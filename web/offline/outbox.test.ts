import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { openOfflineDatabase, type OfflineDatabase } from './offline-db';
import {
  addToOutbox,
  applySyncResults,
  discardFromOutbox,
  listOutbox,
  listSent,
  listWaiting,
  replaceInOutbox,
} from './outbox';
import { buildRecord } from './support-record.fixtures';

const opened: OfflineDatabase[] = [];
function freshDatabase(name = `outbox-test-${uuidv7()}`): OfflineDatabase {
  const db = openOfflineDatabase(name);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('outbox', () => {
  it('adds, lists in capture order and discards records', async () => {
    const db = freshDatabase();
    const first = buildRecord();
    const second = buildRecord();
    await addToOutbox(db, 'user-a', second, '2026-11-28T02:00:01.000Z');
    await addToOutbox(db, 'user-a', first, '2026-11-28T02:00:00.000Z');
    await addToOutbox(db, 'user-b', buildRecord(), '2026-11-28T02:00:02.000Z');

    const listed = await listOutbox(db, 'user-a');
    expect(listed.map((e) => e.id)).toEqual([first.id, second.id]);
    expect(listed[0]!.record).toEqual(first);
    expect(listed.every((e) => e.state === 'waiting')).toBe(true);

    await discardFromOutbox(db, first.id);
    expect((await listOutbox(db, 'user-a')).map((e) => e.id)).toEqual([second.id]);
    expect(await listOutbox(db, 'user-b')).toHaveLength(1);
  });

  it('refuses a second record with the same id instead of overwriting it', async () => {
    const db = freshDatabase();
    const record = buildRecord();
    await addToOutbox(db, 'user-a', record);
    await expect(addToOutbox(db, 'user-a', { ...record, outcome: 'partly' })).rejects.toThrow();
    expect((await listOutbox(db, 'user-a'))[0]!.record.outcome).toBe('done');
  });

  it('survives closing the database and opening a new Dexie instance (browser restart)', async () => {
    const name = `outbox-restart-${uuidv7()}`;
    const before = openOfflineDatabase(name);
    const records = [buildRecord(), buildRecord(), buildRecord()];
    for (const [i, r] of records.entries())
      await addToOutbox(before, 'user-a', r, `2026-11-28T02:00:0${i}.000Z`);
    before.close();

    const after = freshDatabase(name);
    const listed = await listWaiting(after, 'user-a');
    expect(listed.map((e) => e.record)).toEqual(records);
  });

  it('moves accepted records to the sent history and keeps refused ones with their errors', async () => {
    const db = freshDatabase();
    const created = buildRecord();
    const duplicate = buildRecord();
    const invalid = buildRecord();
    for (const r of [created, duplicate, invalid]) await addToOutbox(db, 'user-a', r);

    const applied = await applySyncResults(
      db,
      [
        { id: created.id, status: 'created' },
        { id: duplicate.id, status: 'duplicate' },
        {
          id: invalid.id,
          status: 'invalid',
          errors: [{ path: 'occurredAt', message: 'Too old', messageVi: 'Quá cũ' }],
        },
      ],
      '2026-11-28T03:00:00.000Z',
    );

    expect(applied).toEqual({ accepted: 2, refused: 1 });
    const left = await listOutbox(db, 'user-a');
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: invalid.id, state: 'refused', refusal: 'invalid', attempts: 1 });
    expect(left[0]!.errors[0]!.path).toBe('occurredAt');
    expect((await listSent(db, 'user-a')).map((e) => e.id).sort()).toEqual([created.id, duplicate.id].sort());
    expect(await listWaiting(db, 'user-a')).toEqual([]);
  });

  it('replaces a refused record by its fixed version under a new id in one step', async () => {
    const db = freshDatabase();
    const refused = buildRecord();
    await addToOutbox(db, 'user-a', refused);
    await applySyncResults(db, [
      { id: refused.id, status: 'invalid', errors: [{ path: 'services.0', message: 'Unknown' }] },
    ]);
    const fixed = buildRecord({ services: ['health_book'] });

    await replaceInOutbox(db, 'user-a', refused.id, fixed);

    const left = await listOutbox(db, 'user-a');
    expect(left.map((e) => [e.id, e.state])).toEqual([[fixed.id, 'waiting']]);
    await expect(replaceInOutbox(db, 'user-a', fixed.id, fixed)).rejects.toThrow();
    expect((await listOutbox(db, 'user-a')).map((e) => e.id)).toEqual([fixed.id]);
  });
});

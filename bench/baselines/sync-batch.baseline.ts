import type { Baseline } from './baseline';
import { createRecordInserter, registerFieldSession, type SentRecord } from './sync-inserts';

/** A 500-record sync reduced to its inserts (two multi-row statements), answered with one result per record. */
export const syncBatchBaseline: Baseline = {
  name: 'sync-batch',
  register(app, db) {
    registerFieldSession(app, db);
    const insertRecords = createRecordInserter(db);
    app.post('/api/v1/sync', { bodyLimit: 4 * 1024 * 1024 }, async (request) => {
      const { records } = request.body as { records: SentRecord[] };
      await insertRecords(records);
      return { results: records.map((r) => ({ id: r.id, status: 'created' })) };
    });
  },
};

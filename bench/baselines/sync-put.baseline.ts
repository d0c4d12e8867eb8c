import type { Baseline } from './baseline';
import { createRecordInserter, registerFieldSession, type SentRecord } from './sync-inserts';

/** PUT of one support record reduced to its inserts (record + its services), answered 201. */
export const syncPutBaseline: Baseline = {
  name: 'sync-put',
  register(app, db) {
    registerFieldSession(app, db);
    const insertRecords = createRecordInserter(db);
    app.put('/api/v1/support-records/:id', async (request, reply) => {
      const record = request.body as SentRecord;
      await insertRecords([record]);
      return reply.status(201).send({ id: record.id, status: 'created' });
    });
  },
};

import type { Scenario } from './scenario';
import { authHeaders, fieldRecord, syncSteps } from './sync-steps';

export const SYNC_BATCH_SIZE = 500;

/** POST /api/v1/sync with 500 new records a request: a phone emptying a long offline outbox. */
export const syncBatchScenario: Scenario = {
  name: 'sync-batch',
  title: 'POST /api/v1/sync (500 records)',
  baseline: 'sync-batch',
  requests(ctx) {
    let n = 0;
    return syncSteps(ctx, {
      method: 'POST',
      path: '/api/v1/sync',
      setupRequest(request, context) {
        const records = Array.from({ length: SYNC_BATCH_SIZE }, () => fieldRecord(context, n++));
        return { ...request, headers: authHeaders(request, context), body: JSON.stringify({ records }) };
      },
    });
  },
};

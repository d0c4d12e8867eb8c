import type { Scenario } from './scenario';
import { authHeaders, fieldRecord, syncSteps } from './sync-steps';

/** PUT /api/v1/support-records/{id}: one new record a request, as a phone with signal sends each capture. */
export const syncPutScenario: Scenario = {
  name: 'sync-put',
  title: 'PUT /api/v1/support-records/{id}',
  baseline: 'sync-put',
  requests(ctx) {
    let n = 0;
    return syncSteps(ctx, {
      method: 'PUT',
      setupRequest(request, context) {
        const record = fieldRecord(context, n++);
        return {
          ...request,
          path: `/api/v1/support-records/${record.id}`,
          headers: authHeaders(request, context),
          body: JSON.stringify(record),
        };
      },
    });
  },
};

import type { Scenario } from './scenario';

/** GET /api/v1/units?level=commune&parent=80 — the 96 communes of Tây Ninh in one page, as the unit picker loads them. */
export const unitTreeScenario: Scenario = {
  name: 'unit-tree',
  title: 'GET /api/v1/units?level=commune&parent=80&limit=100',
  baseline: 'unit-tree',
  requests() {
    return [{ method: 'GET', path: '/api/v1/units?level=commune&parent=80&limit=100' }];
  },
};

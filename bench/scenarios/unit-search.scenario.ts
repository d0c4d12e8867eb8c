import { rotate, type Scenario } from './scenario';

/** What people type in "find your commune": with and without diacritics, short and long, over all 34 provinces. */
const QUERIES = [
  'tân an',
  'tan an',
  'long',
  'binh',
  'phuoc',
  'hoa thanh',
  'ninh',
  'đức hòa',
  'can giuoc',
  'go dau',
  'my',
  'thạnh',
];

/** GET /api/v1/units?q=… — public unit search over every current unit, diacritics folded, 20 a page. */
export const unitSearchScenario: Scenario = {
  name: 'unit-search',
  title: 'GET /api/v1/units?q=…&limit=20',
  baseline: 'unit-search',
  requests() {
    const nextQuery = rotate(QUERIES);
    return [
      {
        method: 'GET',
        setupRequest(request) {
          return { ...request, path: `/api/v1/units?q=${encodeURIComponent(nextQuery())}&limit=20` };
        },
      },
    ];
  },
};

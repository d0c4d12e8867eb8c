import { foldText } from '../../shared/text/fold';
import { toUnitJson, UNIT_COLUMNS, type Baseline, type UnitRow } from './baseline';

/**
 * Unit search reduced to its essentials: the app's query (current units whose folded text contains the folded
 * query, exact and prefix name matches first) as one prepared statement.
 */
export const unitSearchBaseline: Baseline = {
  name: 'unit-search',
  register(app, db) {
    app.get('/api/v1/units', async (request) => {
      const query = request.query as { q: string; limit?: string };
      const folded = foldText(query.q);
      const limit = Number(query.limit ?? 50);
      const rows = await db.all<UnitRow>(
        `select ${UNIT_COLUMNS}, case when search_text like ? then 0 when search_text like ? then 1 else 2 end as rank
         from units where valid_to is null and search_text like ? order by rank, code limit ?`,
        [`%|${folded}`, `%|${folded}%`, `%${folded}%`, limit + 1],
      );
      return { items: rows.slice(0, limit).map(toUnitJson), nextCursor: rows.length > limit ? 'more' : null };
    });
  },
};

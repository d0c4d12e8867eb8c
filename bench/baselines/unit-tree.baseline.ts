import { toUnitJson, UNIT_COLUMNS, type Baseline, type UnitRow } from './baseline';

/**
 * The unit tree reduced to its essentials: the current communes of one province, by code, one prepared statement.
 * A current commune's parent is its province, so the (level, parent_code, code) index answers it in order.
 */
export const unitTreeBaseline: Baseline = {
  name: 'unit-tree',
  register(app, db) {
    app.get('/api/v1/units', async (request) => {
      const query = request.query as { parent: string; limit?: string };
      const limit = Number(query.limit ?? 50);
      const rows = await db.all<UnitRow>(
        `select ${UNIT_COLUMNS} from units
         where level = 'commune' and parent_code = ? and valid_to is null order by code limit ?`,
        [query.parent, limit + 1],
      );
      return { items: rows.slice(0, limit).map(toUnitJson), nextCursor: rows.length > limit ? 'more' : null };
    });
  },
};

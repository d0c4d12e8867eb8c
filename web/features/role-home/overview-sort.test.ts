import { describe, expect, it } from 'vitest';
import type { ProvinceRow } from '../../../shared/contracts/home';
import { nextSort, sortOverview } from './overview-sort';

const row = (communeName: string, pendingReview: number, teams = 1): ProvinceRow => ({
  communeCode: communeName,
  communeName,
  teams,
  members: 0,
  recordsThisMonth: 0,
  pendingReview,
  hamletsWithoutTeam: 0,
});

const rows = [row('Phường Tân An', 4), row('Xã Bình Đức', 9), row('Phường An Tịnh', 4), row('Xã Đức Hòa', 0)];
const names = (list: ProvinceRow[]) => list.map((r) => r.communeName);

describe('the province table’s order', () => {
  it('sorts names the Vietnamese way (Đ after D), and figures with ties kept in name order', () => {
    expect(names(sortOverview(rows, { column: 'communeName', direction: 'ascending' }))).toEqual([
      'Phường An Tịnh',
      'Phường Tân An',
      'Xã Bình Đức',
      'Xã Đức Hòa',
    ]);
    expect(names(sortOverview(rows, { column: 'pendingReview', direction: 'descending' }))).toEqual([
      'Xã Bình Đức',
      'Phường An Tịnh',
      'Phường Tân An',
      'Xã Đức Hòa',
    ]);
  });

  it('a new figure column starts with the largest; the same heading flips the order; names start from A', () => {
    const byName = { column: 'communeName', direction: 'ascending' } as const;
    expect(nextSort(byName, 'pendingReview')).toEqual({ column: 'pendingReview', direction: 'descending' });
    expect(nextSort({ column: 'pendingReview', direction: 'descending' }, 'pendingReview')).toEqual({
      column: 'pendingReview',
      direction: 'ascending',
    });
    expect(nextSort({ column: 'teams', direction: 'descending' }, 'communeName')).toEqual(byName);
  });
});

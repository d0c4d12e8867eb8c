import { decodeCursor, encodeCursor, type Page } from '../../shared/contracts/paging';
import { validation } from './errors';

type Kind = 'string' | 'number';
type ValueOf<K extends Kind> = K extends 'string' ? string : number;
type Values<T extends readonly Kind[]> = { -readonly [I in keyof T]: ValueOf<T[I]> };

/**
 * The one reader of `?cursor=`: decodes the opaque cursor and checks it has the shape the list wrote (the kinds of
 * its sort keys, in order). A cursor that is absent gives null; a forged or stale one is a 400 with bilingual text,
 * never a 500 from a query given the wrong types.
 */
export function readCursor<const T extends readonly Kind[]>(cursor: string | undefined, kinds: T): Values<T> | null {
  if (cursor === undefined || cursor === '') return null;
  const parts = decodeCursor(cursor);
  if (!parts || parts.length !== kinds.length || !parts.every((v, i) => typeof v === kinds[i])) {
    throw validation([{ path: 'query.cursor', message: 'Invalid cursor.', messageVi: 'Con trỏ phân trang không hợp lệ.' }]);
  }
  return parts as Values<T>;
}

/** Lists paged by id alone (newest first or in id order). */
export function readIdCursor(cursor: string | undefined): string | null {
  return readCursor(cursor, ['string'] as const)?.[0] ?? null;
}

/**
 * A page from rows read with `limit + 1` (the extra row only says that more follow): the first `limit` rows mapped,
 * and the cursor of the last one when there is more.
 */
export function pageFromRows<R, T>(
  rows: readonly R[],
  limit: number,
  cursorOf: (last: R) => readonly (string | number)[],
  map: (row: R) => T,
): Page<T> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(map), nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}

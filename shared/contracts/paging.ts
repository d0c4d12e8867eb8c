import { z } from 'zod';

export const MAX_PAGE_SIZE = 500;

/** `?limit=&cursor=` as interfaces.md §2 fixes it. The cursor is opaque to clients. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursor = base64url of the last row's sort key(s); both ends of the wire agree only on "opaque string". */
export function encodeCursor(values: readonly (string | number)[]): string {
  const json = JSON.stringify(values);
  return typeof Buffer !== 'undefined'
    ? Buffer.from(json, 'utf8').toString('base64url')
    : btoa(unescape(encodeURIComponent(json))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): (string | number)[] | null {
  try {
    const json =
      typeof Buffer !== 'undefined'
        ? Buffer.from(cursor, 'base64url').toString('utf8')
        : decodeURIComponent(escape(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))));
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string' || typeof v === 'number')) return null;
    return parsed as (string | number)[];
  } catch {
    return null;
  }
}

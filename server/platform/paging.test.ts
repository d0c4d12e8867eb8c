import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../shared/contracts/paging';
import { AppError } from './errors';
import { readCursor, readIdCursor } from './paging';

describe('readCursor', () => {
  it('gives back the sort keys the list wrote', () => {
    expect(readCursor(encodeCursor([3, 'a']), ['number', 'string'] as const)).toEqual([3, 'a']);
    expect(readIdCursor(encodeCursor(['0190']))).toBe('0190');
    expect(readIdCursor(undefined)).toBeNull();
  });
  it('refuses a cursor of another shape with a 400, not a query on the wrong types', () => {
    for (const bad of ['not-base64-json', encodeCursor(['a', 'b']), encodeCursor([1])]) {
      try {
        readCursor(bad, ['string'] as const);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).status).toBe(400);
        expect((err as AppError).details?.[0]?.path).toBe('query.cursor');
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a version-7, variant-1 UUID carrying the millisecond timestamp', () => {
    const at = Date.UTC(2026, 10, 28, 3, 0, 0);
    const id = uuidv7(at);
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(at);
  });

  it('sorts in creation order, also within one millisecond and past 4,096 ids', () => {
    const at = Date.now() + 60_000;
    const ids = Array.from({ length: 5000 }, () => uuidv7(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

import { describe, expect, it } from 'vitest';
import { UUID_PATTERN } from '../../../shared/ids';
import { createSeedRandom, mulberry32 } from './seed-random';

const BASE = Date.parse('2025-07-01T00:00:00.000Z');

describe('seeded randomness', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const fromA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(fromA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(fromA);
    expect(fromA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('makes reproducible UUIDv7 ids that sort in the order they were made', () => {
    const ids = Array.from({ length: 300 }, createSeedRandom(7, BASE).id);
    expect(Array.from({ length: 300 }, createSeedRandom(7, BASE).id)).toEqual(ids);
    expect(ids.every((id) => UUID_PATTERN.test(id) && id[14] === '7')).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]!.replace(/-/g, '').slice(0, 12)).toBe(BASE.toString(16).padStart(12, '0'));
  });

  it('keeps forks independent of draws on the parent stream', () => {
    const quiet = createSeedRandom(9, BASE);
    const busy = createSeedRandom(9, BASE);
    busy.next();
    busy.shuffle([1, 2, 3]);
    expect(busy.fork('teams').next()).toBe(quiet.fork('teams').next());
    expect(quiet.fork('teams').next()).not.toBe(quiet.fork('records').next());
  });

  it('draws integers in range, picks members and shuffles without losing any', () => {
    const r = createSeedRandom(1, BASE);
    const ints = Array.from({ length: 500 }, () => r.int(4, 6));
    expect(new Set(ints)).toEqual(new Set([4, 5, 6]));
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(items).toContain(r.pick(items));
    expect([...r.shuffle(items)].sort()).toEqual(items);
    expect(() => r.pick([])).toThrow();
  });
});

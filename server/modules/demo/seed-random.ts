/**
 * Deterministic randomness for the demo seed: the same seed gives the same names, choices and ids on every
 * machine and both databases, so screenshots, tests and bug reports about the demo all see one province.
 * Not for anything secret: mulberry32 is a tiny, fast, predictable generator.
 */
export interface SeedRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /**
   * A UUIDv7 whose timestamp is this stream's base time plus one millisecond per id, and whose random bits come
   * from the stream: ids are reproducible and still sort in the order they were made.
   */
  id(): string;
  /** A UUIDv7 stamped with `ms` (e.g. a record's occurrence time), random bits from the stream. */
  idAt(ms: number): string;
  /** An independent stream named by `label`: adding draws to one stream never shifts another. */
  fork(label: string): SeedRandom;
}

/** mulberry32: 32-bit state, full period, good enough spread for picking names. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a: turns a fork label into a 32-bit seed. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Formats a UUIDv7 from a millisecond timestamp and a byte source (RFC 9562 layout, as shared/ids.ts). */
export function formatUuidv7(ms: number, nextByte: () => number): string {
  const bytes = new Uint8Array(16);
  let ts = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ts % 256;
    ts = Math.floor(ts / 256);
  }
  for (let i = 6; i < 16; i++) bytes[i] = nextByte();
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A seeded stream. `baseTimeMs` anchors the ids' timestamps (a fixed date, not the clock, so ids do not change
 * with the day the demo is loaded).
 */
export function createSeedRandom(seed: number, baseTimeMs: number): SeedRandom {
  const next = mulberry32(seed);
  let idCounter = 0;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    id: () => formatUuidv7(baseTimeMs + idCounter++, () => Math.floor(next() * 256)),
    idAt: (ms) => formatUuidv7(ms, () => Math.floor(next() * 256)),
    fork: (label) => createSeedRandom((seed ^ hashLabel(label)) >>> 0, baseTimeMs),
  };
}

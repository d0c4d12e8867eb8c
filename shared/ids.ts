/**
 * UUIDv7 (RFC 9562): 48-bit Unix ms timestamp + random. Made on the device, so offline rows keep their id,
 * and ids sort by creation time, which keeps cursor paging and B-tree inserts cheap. Within one process the
 * ids are monotonic (RFC 9562 §6.2, method 1): ids made in the same millisecond carry a 12-bit counter in
 * rand_a, so "order by id" is creation order even for rows written in one transaction.
 */
let lastMs = -1;
let sequence = 0;

// getRandomValues costs tens of microseconds a call in Node 20 (WebIDL checks), more than the rest of an id:
// draw 64 ids' worth at a time. Each id takes 8 random bytes (rand_b); rand_a holds the counter.
const POOL_IDS = 64;
const pool = new Uint8Array(POOL_IDS * 8);
let poolOffset = pool.length;
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function uuidv7(now: number = Date.now()): string {
  if (poolOffset === pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const bytes = new Uint8Array(16);
  bytes.set(pool.subarray(poolOffset, poolOffset + 8), 8);
  poolOffset += 8;
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    sequence += 1;
    if (sequence > 0xfff) {
      // 4,096 ids in one millisecond: borrow the next millisecond rather than lose the order.
      ms = lastMs + 1;
      sequence = 0;
    }
  } else {
    sequence = 0;
  }
  lastMs = ms;
  let ts = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ts % 256;
    ts = Math.floor(ts / 256);
  }
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let hex = '';
  for (const b of bytes) hex += HEX[b];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

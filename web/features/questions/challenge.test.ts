import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, solveChallenge } from './challenge';

describe('the anti-spam challenge in the browser', () => {
  it('counts leading zero bits as the server does', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0x80]))).toBe(8);
    expect(leadingZeroBits(new Uint8Array([0, 0x0f]))).toBe(12);
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });

  it('finds a nonce whose SHA-256 the server accepts', async () => {
    const token = 'eyJpZCI6IngifQ.c2ln';
    const nonce = await solveChallenge(token, 10);
    const digest = createHash('sha256').update(`${token}:${nonce}`).digest();
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(10);
    // The smallest such nonce: none before it qualifies.
    for (let n = 0; n < Number(nonce); n++) {
      expect(leadingZeroBits(createHash('sha256').update(`${token}:${n}`).digest())).toBeLessThan(10);
    }
  });

  it('stops when the form is abandoned', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(solveChallenge('t.s', 30, { signal: controller.signal })).rejects.toThrow('Aborted');
  });
});

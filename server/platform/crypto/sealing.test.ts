import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSealer, generateDataKeySecret, parseDataKeySecret, SealingError } from './sealing';

const k1 = { version: 1, secret: generateDataKeySecret() };
const k2 = { version: 2, secret: generateDataKeySecret() };

describe('sealed contact data', () => {
  it('round-trips any text, with a fresh nonce each time and no plaintext in the sealed form', () => {
    const sealer = createSealer([k1], 1);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (plain) => {
        const a = sealer.seal(plain, 'users.phone');
        const b = sealer.seal(plain, 'users.phone');
        expect(a).not.toBe(b);
        expect(sealer.open(a, 'users.phone')).toBe(plain);
        if (plain.length >= 4) expect(a).not.toContain(plain);
      }),
    );
    expect(sealer.seal('0912345678', 'users.phone')).toMatch(/^s1\.1\.[\w-]{16}\.[\w-]+$/);
  });

  it('refuses a value moved to another column, tampered with, or sealed under an unknown key', () => {
    const sealer = createSealer([k1], 1);
    const sealed = sealer.seal('0912345678', 'users.phone');
    expect(() => sealer.open(sealed, 'team_members.phone')).toThrow(SealingError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() =>
      sealer.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), 'users.phone'),
    ).toThrow(SealingError);
    expect(() => createSealer([k2], 2).open(sealed, 'users.phone')).toThrow(/no key for version 1/);
    expect(() => sealer.open('0912345678', 'users.phone')).toThrow(/not a sealed value/);
  });

  it('hashes equal values equally per key and context, and finds old rows during a rotation', () => {
    const old = createSealer([k1], 1);
    const rotated = createSealer([k1, k2], 2);
    const h1 = old.hash('84912345678', 'phone');
    expect(old.hash('84912345678', 'phone')).toBe(h1);
    expect(old.hash('84912345679', 'phone')).not.toBe(h1);
    expect(old.hash('84912345678', 'email')).not.toBe(h1);
    expect(rotated.hash('84912345678', 'phone')).not.toBe(h1);
    expect(rotated.hashesFor('84912345678', 'phone')).toContain(h1);
    expect(rotated.hashesFor('84912345678', 'phone')).toContain(rotated.hash('84912345678', 'phone'));
    // The new key opens nothing of the old one's by itself, but the ring opens both.
    const sealedOld = old.seal('a@b.vn', 'citizen.email');
    expect(rotated.open(sealedOld, 'citizen.email')).toBe('a@b.vn');
    expect(rotated.isCurrent(sealedOld)).toBe(false);
    expect(rotated.isCurrent(rotated.seal('a@b.vn', 'citizen.email'))).toBe(true);
  });

  it('checks configured keys', () => {
    const b64 = k1.secret.toString('base64');
    expect(parseDataKeySecret(b64).equals(k1.secret)).toBe(true);
    expect(() => parseDataKeySecret(Buffer.alloc(16).toString('base64'))).toThrow(SealingError);
    expect(() => parseDataKeySecret('not base64!')).toThrow(SealingError);
    expect(() => createSealer([k1], 2)).toThrow(/current key version 2/);
    expect(() => createSealer([k1, { ...k1 }], 1)).toThrow(/twice/);
  });
});

import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealed contact data (Law 91/2025 on personal data protection): phone numbers and citizens' e-mail addresses are
 * stored encrypted with AES-256-GCM, a fresh 96-bit nonce per value, and the key version inside the value, so a
 * key can be rotated while the old one still opens what it sealed. Beside each sealed value sits a keyed hash
 * (HMAC-SHA-256) of the normalised value: equality look-ups ("sign in with 0912…") and uniqueness without
 * decrypting. Each key version yields its own encryption and hash keys (HKDF), so a stolen hash table cannot be
 * brute-forced over the 10⁹ Vietnamese mobile numbers without the key.
 *
 * Written form: `s1.<version>.<nonce>.<ciphertext+tag>` (base64url) and `<version>:<hmac>` for hashes.
 */
const PREFIX = 's1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** One data key as configured: 32 random bytes and the version it is known by. */
export interface DataKey {
  version: number;
  secret: Buffer;
}

interface DerivedKey {
  encryption: Buffer;
  hashing: Buffer;
}

export interface Sealer {
  /** The key version new values are sealed with. */
  readonly currentVersion: number;
  /** Encrypts `plain`; `context` (e.g. "users.phone") is authenticated, so a value moved to another column fails. */
  seal(plain: string, context: string): string;
  /** Decrypts a value sealed by `seal` with the same context; throws on a wrong key, context or tampering. */
  open(sealed: string, context: string): string;
  /** The keyed hash of a normalised value under the current key: store it beside the sealed value. */
  hash(normalized: string, context: string): string;
  /**
   * The value's hash under every known key version: look-ups match any of them, so rows not yet re-sealed by a
   * rotation (`npm run keys:rotate`) are still found.
   */
  hashesFor(normalized: string, context: string): string[];
  /** Whether a sealed value is under the current key (rotation re-seals the others). */
  isCurrent(sealed: string): boolean;
}

export class SealingError extends Error {}

/** Decodes a configured key: base64 of exactly 32 bytes. */
export function parseDataKeySecret(base64: string): Buffer {
  const secret = Buffer.from(base64, 'base64');
  if (
    secret.length !== 32 ||
    secret.toString('base64').replace(/=+$/, '') !== base64.trim().replace(/=+$/, '')
  ) {
    throw new SealingError('a data key is the base64 encoding of exactly 32 random bytes');
  }
  return secret;
}

/** A new random key (for demo installs and `keys:rotate` without a configured key). */
export function generateDataKeySecret(): Buffer {
  return randomBytes(32);
}

export function createSealer(keys: readonly DataKey[], currentVersion: number): Sealer {
  const derived = new Map<number, DerivedKey>();
  for (const k of keys) {
    if (!Number.isInteger(k.version) || k.version < 1)
      throw new SealingError('key versions are whole numbers ≥ 1');
    if (derived.has(k.version)) throw new SealingError(`key version ${k.version} is given twice`);
    if (k.secret.length !== 32) throw new SealingError(`key version ${k.version} is not 32 bytes`);
    const derive = (info: string) =>
      Buffer.from(hkdfSync('sha256', k.secret, Buffer.alloc(0), `cong-dong-so ${info} v${k.version}`, 32));
    derived.set(k.version, { encryption: derive('seal'), hashing: derive('hash') });
  }
  const current = derived.get(currentVersion);
  if (!current) throw new SealingError(`the current key version ${currentVersion} has no key`);

  const hmac = (key: DerivedKey, version: number, normalized: string, context: string) =>
    `${version}:${createHmac('sha256', key.hashing).update(`${context}\u0000${normalized}`).digest('base64url')}`;

  return {
    currentVersion,
    seal(plain, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.encryption, nonce);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}.${currentVersion}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed, context) {
      const parts = sealed.split('.');
      if (parts.length !== 4 || parts[0] !== PREFIX) throw new SealingError('not a sealed value');
      const version = Number(parts[1]);
      const key = derived.get(version);
      if (!key) throw new SealingError(`no key for version ${parts[1]}: configure it in DATA_KEYS_PREVIOUS`);
      const nonce = Buffer.from(parts[2]!, 'base64url');
      const body = Buffer.from(parts[3]!, 'base64url');
      if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES)
        throw new SealingError('not a sealed value');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.encryption, nonce);
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new SealingError(
          'the sealed value does not open with its key and context (tampered or misplaced)',
        );
      }
    },
    hash(normalized, context) {
      return hmac(current, currentVersion, normalized, context);
    },
    hashesFor(normalized, context) {
      return [...derived].map(([version, key]) => hmac(key, version, normalized, context));
    },
    isCurrent(sealed) {
      return sealed.startsWith(`${PREFIX}.${currentVersion}.`);
    },
  };
}

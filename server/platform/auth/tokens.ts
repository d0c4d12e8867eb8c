import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for cookies, links and API keys (256 bits, URL-safe). */
export function createSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** What we store instead of the secret: SHA-256 is enough because the secret itself has 256 bits of entropy. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

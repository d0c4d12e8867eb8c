import { createHash } from 'node:crypto';
import { uuidv7 } from '../../../shared/ids';
import type { Sealer } from '../../platform/crypto/sealing';
import { AppError } from '../../platform/errors';

/**
 * The spam challenge for askers without an account (issue 11): a proof of work that needs no third-party service
 * and no state until it is spent. GET /api/v1/questions/challenge hands out a token signed with the platform's
 * keyed hash (the data key's hashing half, context "questions.challenge") that expires in 10 minutes; the browser
 * finds a nonce such that SHA-256(`${token}:${nonce}`) starts with `difficulty` zero bits (2^difficulty tries on
 * average: 16 bits take well under a second on a cheap phone) and sends { token, nonce } with the question. The
 * question's transaction records the token's id as spent (question_challenges), so one solution asks one question.
 */
export const CHALLENGE_CONTEXT = 'questions.challenge';
export const CHALLENGE_TTL_MS = 10 * 60_000;
export const DEFAULT_CHALLENGE_DIFFICULTY = 16;

const invalidChallenge = () =>
  new AppError('VALIDATION', 'The anti-spam check failed or expired. Please send the question again.', {
    messageVi: 'Bước chống thư rác không hợp lệ hoặc đã hết hạn. Vui lòng gửi lại câu hỏi.',
    details: [
      {
        path: 'body.challenge',
        message: 'Solve a fresh challenge (GET /api/v1/questions/challenge).',
        messageVi: 'Hãy giải một thử thách mới (GET /api/v1/questions/challenge).',
      },
    ],
  });

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Finds a nonce for a token (tests and the demo seed; browsers do the same with SubtleCrypto). */
export function solveChallenge(token: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const digest = createHash('sha256').update(`${token}:${n}`).digest();
    if (leadingZeroBits(digest) >= difficulty) return String(n);
  }
}

export function createChallenges(deps: { sealer: Sealer; difficulty: number }) {
  const { sealer, difficulty } = deps;

  function issue(now: Date) {
    const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString();
    const payload = Buffer.from(JSON.stringify({ id: uuidv7(), exp: expiresAt, d: difficulty })).toString(
      'base64url',
    );
    const signature = Buffer.from(sealer.hash(payload, CHALLENGE_CONTEXT)).toString('base64url');
    return {
      token: `${payload}.${signature}`,
      algorithm: 'sha256-leading-zero-bits' as const,
      difficulty,
      expiresAt,
    };
  }

  /**
   * The challenge's id and expiry when the answer is right and in time; throws a bilingual 400 otherwise.
   * `allowExpired`: a resend of a question already stored proves its sender with the spent challenge, late or not.
   */
  function verify(
    answer: { token: string; nonce: string },
    now: Date,
    opts: { allowExpired?: boolean } = {},
  ): { id: string; expiresAt: string } {
    const [payload, signature, extra] = answer.token.split('.');
    if (!payload || !signature || extra !== undefined) throw invalidChallenge();
    const signed = Buffer.from(signature, 'base64url').toString();
    if (!sealer.hashesFor(payload, CHALLENGE_CONTEXT).includes(signed)) throw invalidChallenge();
    let parsed: { id?: unknown; exp?: unknown; d?: unknown };
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString()) as typeof parsed;
    } catch {
      throw invalidChallenge();
    }
    if (typeof parsed.id !== 'string' || typeof parsed.exp !== 'string' || typeof parsed.d !== 'number')
      throw invalidChallenge();
    if (!opts.allowExpired && Date.parse(parsed.exp) <= now.getTime()) throw invalidChallenge();
    const digest = createHash('sha256').update(`${answer.token}:${answer.nonce}`).digest();
    if (leadingZeroBits(digest) < parsed.d) throw invalidChallenge();
    return { id: parsed.id, expiresAt: parsed.exp };
  }

  return { issue, verify, invalidChallenge };
}
export type Challenges = ReturnType<typeof createChallenges>;

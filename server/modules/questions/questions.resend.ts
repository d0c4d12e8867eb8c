import { createHash } from 'node:crypto';
import type { AskQuestionBody } from '../../../shared/contracts/questions';
import type { Actor } from '../../platform/auth/actor';
import { EMAIL_HASH_CONTEXT } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { conflict } from '../../platform/errors';
import type { Challenges } from './question-challenge';
import type { QuestionRow } from './questions.repository';

/**
 * Resend safety of POST /api/v1/questions (issue 11): a client that made its own question id and lost the answer on
 * a flaky connection sends the same body again and gets the same question back (200), with the same asker token.
 *
 * The token cannot be derived from the id alone: a published question's id is public (its page address), so anyone
 * could resend a public question's text under its id. It is a keyed hash (sealer.hash, like the cases' reporter
 * token) of the id and something only the first sender held: the signed-in account, or the solved anti-spam
 * challenge of an anonymous asker (the token and nonce travel in the request body only, and the signature makes
 * the challenge's id unforgeable). A resend whose proof does not give the stored token hash is someone else's
 * request under a taken id: 409, exactly like other content under the same id.
 */
const ASKER_TOKEN_CONTEXT = 'questions.asker_token';
const tokenFromHash = (keyed: string) => createHash('sha256').update(keyed).digest('base64url').slice(0, 32);
const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** What ties a submission to its sender: the account, or the spent challenge (null: no client id, or no proof). */
export function senderKey(actor: Actor, challengeId: string | null): string | null {
  if (actor.kind === 'user') return `user:${actor.user.id}`;
  return challengeId ? `challenge:${challengeId}` : null;
}

/** The asker token of a question asked with a client id (the same for every resend by the same sender). */
export function derivedAskerToken(sealer: Sealer, id: string, sender: string): string {
  return tokenFromHash(sealer.hash(`${id}|${sender}`, ASKER_TOKEN_CONTEXT));
}

const takenId = () =>
  conflict(
    'A question with this id already exists. Make a new id for a new question.',
    'Đã có câu hỏi với mã này. Hãy tạo mã mới cho câu hỏi mới.',
  );
const otherContent = () =>
  conflict(
    'This question was already sent with different content.',
    'Câu hỏi này đã được gửi trước đó với nội dung khác.',
  );

/**
 * The stored question's answer to a resend of `body`, or a 409. Title and text are compared only while nobody has
 * edited them (a moderator may have taken personal data out in between); everything else always.
 */
export function answerResend(
  deps: { sealer: Sealer; challenges: Challenges; now: Date },
  actor: Actor,
  body: AskQuestionBody,
  row: QuestionRow,
): { id: string; status: 'published' | 'pending'; askerToken: string; created: false } {
  let challengeId: string | null = null;
  if (actor.kind !== 'user') {
    if (!body.challenge) throw takenId();
    // The challenge was spent by the first send and may have expired since: only its signature and proof count.
    challengeId = deps.challenges.verify(body.challenge, deps.now, { allowExpired: true }).id;
  }
  const sender = senderKey(actor, challengeId);
  const token = sender
    ? deps.sealer
        .hashesFor(`${row.id}|${sender}`, ASKER_TOKEN_CONTEXT)
        .map(tokenFromHash)
        .find((t) => sha256Hex(t) === row.asker_token_hash)
    : undefined;
  if (!token) throw takenId();

  const email = body.email?.trim() || null;
  const sameContact =
    (email === null
      ? row.asker_email_hash === null
      : row.asker_email_hash !== null &&
        deps.sealer.hashesFor(email, EMAIL_HASH_CONTEXT).includes(row.asker_email_hash)) ||
    // The retention job anonymises a contact after a while; the rest still has to match.
    row.contact_anonymised_at !== null;
  const sameText =
    row.edited_at !== null || (row.title === body.title.trim() && row.body === body.body.trim());
  const same =
    sameText &&
    sameContact &&
    row.topic === (body.topic ?? 'other') &&
    row.commune_code === (body.communeCode ?? null) &&
    row.asker_name === (body.name?.trim() || null);
  if (!same) throw otherContent();
  return {
    id: row.id,
    status: row.status === 'pending' ? 'pending' : 'published',
    askerToken: token,
    created: false,
  };
}

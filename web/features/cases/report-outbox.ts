import { ApiError } from '../../app/api';
import type { CreateCaseResult } from '../../../shared/contracts/cases';
import { submitCase, type PhotoUpload } from './cases-api';
import { bodyOf } from './report-form';
import { REPORT_CONSENT } from './report-consent';
import type { ReportDraft } from './report-draft';
import { draftPhotos, type ReportDatabase } from './report-store';

/**
 * Sending a report, and the queue of reports written while offline. A report is queued before the first attempt,
 * so nothing is lost if the tab closes mid-request; it leaves the queue only once the server has answered
 * created or duplicate (the same id again: the same case and code). No answer, a 5xx or a rate limit keep it
 * queued for the next attempt; a refusal (bad input) turns it back into a draft with the server's words.
 */
export type SendOutcome =
  | { status: 'sent'; result: CreateCaseResult }
  | { status: 'queued' }
  | { status: 'refused'; message: string };

function titleOf(draft: ReportDraft): string {
  const text = draft.description.trim().replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

export async function sendDraft(
  db: ReportDatabase,
  draft: ReportDraft,
  language: string,
): Promise<SendOutcome> {
  await db.drafts.put({ ...draft, status: 'queued', refusal: null, updatedAt: new Date().toISOString() });
  const photos: PhotoUpload[] = (await draftPhotos(db, draft.id)).map((p) => ({
    blob: new Blob([p.bytes], { type: p.type }),
    name: p.name,
  }));
  let result: CreateCaseResult;
  try {
    result = await submitCase(bodyOf(draft, REPORT_CONSENT.version), photos);
  } catch (error) {
    if (isRetryable(error)) return { status: 'queued' };
    const message = error instanceof ApiError ? error.messageIn(language) : String(error);
    await db.drafts.update(draft.id, { status: 'refused', refusal: message });
    return { status: 'refused', message };
  }
  await db.transaction('rw', db.drafts, db.photos, db.mine, async () => {
    const known = await db.mine.get(result.id);
    await db.mine.put({
      id: result.id,
      code: result.code,
      // Only the first answer (created) carries the token; a resend's answer (duplicate) does not repeat it. When
      // the first answer was lost on the way, the device has no token: the report is tracked, but not rated here.
      token: known?.token ?? result.reporterToken ?? null,
      title: titleOf(draft),
      submittedAt: known?.submittedAt ?? new Date().toISOString(),
    });
    await db.photos.where('draftId').equals(draft.id).delete();
    await db.drafts.delete(draft.id);
  });
  return { status: 'sent', result };
}

/**
 * Sends every queued report, oldest first; stops at the first that still cannot go (the network is down). Returns
 * what went, and how many came back refused (they are drafts again, for the person to fix).
 */
export async function sendQueued(
  db: ReportDatabase,
  language: string,
): Promise<{ sent: CreateCaseResult[]; refused: number }> {
  const queued = await db.drafts.where('status').equals('queued').sortBy('updatedAt');
  const sent: CreateCaseResult[] = [];
  let refused = 0;
  for (const draft of queued) {
    const outcome = await sendDraft(db, draft, language);
    if (outcome.status === 'queued') break;
    if (outcome.status === 'sent') sent.push(outcome.result);
    else refused += 1;
  }
  return { sent, refused };
}

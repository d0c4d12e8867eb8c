import type { z } from 'zod';
import type {
  FaqEntryResultSchema,
  QuestionSettingsSchema,
  QueuePageSchema,
} from '../../../shared/contracts/questions';
import { apiFetch } from '../../app/api';
import type { Answer, QuestionPage } from '../questions/questions-api';

/** The staff's Q&A endpoints (server/modules/questions/question-staff.routes.ts); the server decides who may. */
export type QueuePage = z.infer<typeof QueuePageSchema>;
export type QuestionSettings = z.infer<typeof QuestionSettingsSchema>;
export type FaqEntry = z.infer<typeof FaqEntryResultSchema>;
export type ModerationAction =
  | 'publish'
  | 'hide'
  | 'reject'
  | 'lock'
  | 'unlock'
  | 'close'
  | 'reopen'
  | 'dismiss_flags'
  | 'hide_answer'
  | 'publish_answer';

const base = (id: string) => `/api/v1/questions/${encodeURIComponent(id)}`;

export function answerQuestion(id: string, body: string) {
  return apiFetch<Answer>(`${base(id)}/answers`, { method: 'POST', body: { body } });
}

export function editAnswer(
  id: string,
  answerId: string,
  body: { body: string; reason: 'edit' | 'personal_data' },
) {
  return apiFetch<Answer>(`${base(id)}/answers/${encodeURIComponent(answerId)}`, { method: 'PATCH', body });
}

export function editQuestion(
  id: string,
  body: { title?: string; body?: string; reason: 'edit' | 'personal_data' },
) {
  return apiFetch<{ id: string }>(base(id), { method: 'PATCH', body });
}

export function moderate(id: string, body: { action: ModerationAction; answerId?: string; reason?: string }) {
  return apiFetch<{ id: string }>(`${base(id)}/moderation`, { method: 'POST', body });
}

export function mergeQuestion(id: string, intoId: string) {
  return apiFetch<{ id: string; mergedIntoId: string }>(`${base(id)}/merge`, {
    method: 'POST',
    body: { intoId },
  });
}

export function promoteToFaq(id: string) {
  return apiFetch<FaqEntry>(`/api/v1/faq/${encodeURIComponent(id)}`, { method: 'PUT', body: {} });
}

export function demoteFromFaq(id: string) {
  return apiFetch<FaqEntry>(`/api/v1/faq/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function orderFaq(topic: string, ids: string[]) {
  return apiFetch<{ topic: string; ids: string[] }>('/api/v1/faq/order', {
    method: 'PUT',
    body: { topic, ids },
  });
}

export function fetchQueue(box: 'pending' | 'flagged' | 'hidden', cursor?: string, signal?: AbortSignal) {
  return apiFetch<QueuePage>('/api/v1/questions/moderation-queue', { query: { box, cursor }, signal });
}

export function fetchUnanswered(cursor?: string, signal?: AbortSignal) {
  return apiFetch<QuestionPage>('/api/v1/questions/unanswered', { query: { cursor }, signal });
}

export function fetchSettings(signal?: AbortSignal) {
  return apiFetch<QuestionSettings>('/api/v1/questions/settings', { signal });
}

export function updateSettings(body: { flagThreshold?: number; moderateAnonymous?: boolean }) {
  return apiFetch<QuestionSettings>('/api/v1/questions/settings', { method: 'PUT', body });
}

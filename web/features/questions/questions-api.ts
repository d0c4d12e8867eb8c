import type { z } from 'zod';
import type {
  AnswerSchema,
  AskQuestionBody,
  AskQuestionResultSchema,
  ChallengeSchema,
  CommentSchema,
  FaqSchema,
  QuestionDetail,
  QuestionPageSchema,
  ReactionResultSchema,
  SuggestionListSchema,
  TopicListSchema,
} from '../../../shared/contracts/questions';
import { apiFetch } from '../../app/api';

/**
 * The citizens' Q&A endpoints (shared/contracts/questions.ts). Every read is public; accepting and clarifying carry
 * the asker's token, "helpful" and flags a device id, upvotes a session. Plain functions, no React.
 */
export type QuestionPage = z.infer<typeof QuestionPageSchema>;
export type TopicList = z.infer<typeof TopicListSchema>;
export type Topic = TopicList['items'][number];
export type Suggestions = z.infer<typeof SuggestionListSchema>;
export type Challenge = z.infer<typeof ChallengeSchema>;
export type AskResult = z.infer<typeof AskQuestionResultSchema>;
export type Faq = z.infer<typeof FaqSchema>;
export type Reaction = z.infer<typeof ReactionResultSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type FlagReason = 'spam' | 'offensive' | 'personal_data' | 'off_topic';

export interface QuestionFilters {
  q?: string;
  topic?: string;
  unit?: string;
  answered?: 'yes' | 'no';
}

const base = (id: string) => `/api/v1/questions/${encodeURIComponent(id)}`;

export function fetchQuestions(
  filters: QuestionFilters & { cursor?: string; limit?: number },
  signal?: AbortSignal,
) {
  return apiFetch<QuestionPage>('/api/v1/questions', { query: { ...filters }, signal });
}

export function fetchTopics(signal?: AbortSignal) {
  return apiFetch<TopicList>('/api/v1/questions/topics', { signal });
}

export function fetchSuggestions(q: string, signal?: AbortSignal) {
  return apiFetch<Suggestions>('/api/v1/questions/suggestions', { query: { q, limit: 5 }, signal });
}

export function fetchChallenge(signal?: AbortSignal) {
  return apiFetch<Challenge>('/api/v1/questions/challenge', { signal });
}

export function askQuestion(body: AskQuestionBody) {
  return apiFetch<AskResult>('/api/v1/questions', { method: 'POST', body });
}

export function fetchQuestion(id: string, askerToken?: string | null, signal?: AbortSignal) {
  return apiFetch<QuestionDetail>(base(id), { query: { askerToken }, signal });
}

export function fetchFaq(signal?: AbortSignal) {
  return apiFetch<Faq>('/api/v1/faq', { signal });
}

export function addComment(id: string, body: { body: string; answerId?: string; askerToken?: string }) {
  return apiFetch<Comment>(`${base(id)}/comments`, { method: 'POST', body });
}

export function acceptAnswer(id: string, body: { answerId: string; askerToken?: string }) {
  return apiFetch<{ acceptedAnswerId: string }>(`${base(id)}/accept`, { method: 'POST', body });
}

export function upvote(id: string, answerId?: string) {
  return apiFetch<Reaction>(`${base(id)}/upvote`, { method: 'POST', body: answerId ? { answerId } : {} });
}

export function markHelpful(id: string, body: { answerId?: string; deviceId: string }) {
  return apiFetch<Reaction>(`${base(id)}/helpful`, { method: 'POST', body });
}

export function flag(id: string, body: { reason: FlagReason; answerId?: string; deviceId: string }) {
  return apiFetch<{ received: true }>(`${base(id)}/flags`, { method: 'POST', body });
}

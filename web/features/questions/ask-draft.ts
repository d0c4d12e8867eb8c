import type { AskQuestionBody } from '../../../shared/contracts/questions';
import { uuidv7 } from '../../../shared/ids';

/**
 * The question being written, kept in localStorage as it is typed, so a reload or a lost connection loses nothing.
 * Its id, made here once, is the question's id: a resend after a lost answer stores one question and gets the same
 * private link back. Pure helpers, no React, unit-tested on their own.
 */
export const ASK_DRAFT_KEY = 'cds.questions.draft';

export interface AskDraft {
  id: string;
  title: string;
  body: string;
  topic: string;
  communeCode: string;
  name: string;
  email: string;
  consent: boolean;
}

export const ASK_FIELD_IDS = {
  title: 'ask-title',
  body: 'ask-body',
  email: 'ask-email',
  consent: 'ask-consent',
} as const;
export type AskField = keyof typeof ASK_FIELD_IDS;
/** Each problem's message key (namespace "questions"). */
export type AskErrors = Partial<Record<AskField, string>>;

export function newAskDraft(): AskDraft {
  return {
    id: uuidv7(),
    title: '',
    body: '',
    topic: '',
    communeCode: '',
    name: '',
    email: '',
    consent: false,
  };
}

/** What the device can check before sending (the contract's limits); the server checks all of it again. */
export function validateAskDraft(d: AskDraft): AskErrors {
  const errors: AskErrors = {};
  if (d.title.trim().length < 8) errors.title = 'ask.errors.title';
  if (d.body.trim().length < 10) errors.body = 'ask.errors.body';
  if (d.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) errors.email = 'ask.errors.email';
  // The question is published with its answer: the register's consent is needed to send it at all.
  if (!d.consent) errors.consent = 'ask.errors.consent';
  return errors;
}

/** The POST body without the challenge; the consent version travels only with an e-mail (the contract's rule). */
export function toAskBody(d: AskDraft, consentVersion: string | null): Omit<AskQuestionBody, 'challenge'> {
  const email = d.email.trim();
  return {
    id: d.id,
    title: d.title.trim(),
    body: d.body.trim(),
    ...(d.topic ? { topic: d.topic } : {}),
    ...(/^\d{5}$/.test(d.communeCode) ? { communeCode: d.communeCode } : {}),
    ...(d.name.trim() ? { name: d.name.trim() } : {}),
    ...(email ? { email, ...(consentVersion ? { consentVersion } : {}) } : {}),
  };
}

export function hasContent(d: AskDraft): boolean {
  return Boolean(d.title.trim() || d.body.trim() || d.email.trim() || d.name.trim());
}

function isDraft(value: unknown): value is AskDraft {
  const v = value as Partial<AskDraft> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.title === 'string' &&
    typeof v.body === 'string'
  );
}

export function loadAskDraft(storage: Storage | undefined = globalThis.localStorage): AskDraft | null {
  try {
    const raw = storage?.getItem(ASK_DRAFT_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isDraft(parsed) ? { ...newAskDraft(), ...parsed } : null;
  } catch {
    return null;
  }
}

export function saveAskDraft(draft: AskDraft, storage: Storage | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(ASK_DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage refused (private browsing, a full disk): the form still works, it only forgets on reload.
  }
}

export function clearAskDraft(storage: Storage | undefined = globalThis.localStorage) {
  try {
    storage?.removeItem(ASK_DRAFT_KEY);
  } catch {
    // As above.
  }
}

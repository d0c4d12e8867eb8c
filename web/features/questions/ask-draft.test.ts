import { beforeEach, describe, expect, it } from 'vitest';
import { askerTokenFor, rememberAskerToken } from './asker-tokens';
import {
  clearAskDraft,
  loadAskDraft,
  newAskDraft,
  saveAskDraft,
  toAskBody,
  validateAskDraft,
} from './ask-draft';
import { jsonLdText } from './JsonLd';

beforeEach(() => localStorage.clear());

describe('the question draft', () => {
  it('names each problem before sending', () => {
    const errors = validateAskDraft({ ...newAskDraft(), title: 'ngắn', email: 'not-an-email' });
    expect(errors).toEqual({
      title: 'ask.errors.title',
      body: 'ask.errors.body',
      email: 'ask.errors.email',
      consent: 'ask.errors.consent',
    });
  });

  it('sends only what was given, and the consent version only with an e-mail', () => {
    const draft = {
      ...newAskDraft(),
      title: '  Đăng ký khai sinh trực tuyến ',
      body: 'Làm thế nào để đăng ký?',
    };
    expect(toAskBody(draft, '2026-12-05')).toEqual({
      id: draft.id,
      title: 'Đăng ký khai sinh trực tuyến',
      body: 'Làm thế nào để đăng ký?',
    });
    expect(
      toAskBody(
        { ...draft, email: 'lan@example.vn', topic: 'procedures', communeCode: '25459' },
        '2026-12-05',
      ),
    ).toMatchObject({
      email: 'lan@example.vn',
      consentVersion: '2026-12-05',
      topic: 'procedures',
      communeCode: '25459',
    });
  });

  it('is kept across a reload and cleared once sent', () => {
    saveAskDraft({ ...newAskDraft(), title: 'Một câu hỏi dở' });
    expect(loadAskDraft()?.title).toBe('Một câu hỏi dở');
    clearAskDraft();
    expect(loadAskDraft()).toBeNull();
    localStorage.setItem('cds.questions.draft', '{broken');
    expect(loadAskDraft()).toBeNull();
  });

  it('remembers the asker’s token per question', () => {
    rememberAskerToken('q1', 'token-one-aaaaaaaaaaaaaaaa');
    rememberAskerToken('q2', 'token-two-bbbbbbbbbbbbbbbb');
    expect(askerTokenFor('q1')).toBe('token-one-aaaaaaaaaaaaaaaa');
    expect(askerTokenFor('q3')).toBeNull();
  });

  it('escapes "<" in JSON-LD so user text cannot end the script element', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});

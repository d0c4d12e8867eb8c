import { beforeEach, describe, expect, it } from 'vitest';
import {
  HELP_CONSENT_VERSION,
  HELP_DRAFT_KEY,
  loadHelpDraft,
  looksLikePhone,
  newHelpDraft,
  OTHER_NEED,
  saveHelpDraft,
  toHelpRequestBody,
  validateHelpDraft,
} from './help-draft';

beforeEach(() => localStorage.clear());

describe('the help-request draft', () => {
  it('accepts the phone forms the server accepts', () => {
    for (const ok of ['0912345678', '+84912345678', '84912345678', '091 234 5678', '091.234.5678'])
      expect(looksLikePhone(ok), ok).toBe(true);
    for (const bad of ['', '12345', '091234567', '+8491234567890', 'không có'])
      expect(looksLikePhone(bad), bad).toBe(false);
  });

  it('names each missing piece, and the free text only for "something else"', () => {
    expect(validateHelpDraft(newHelpDraft())).toEqual({
      need: 'form.errors.need',
      place: 'form.errors.place',
      phone: 'form.errors.phoneMissing',
      consent: 'form.errors.consent',
    });
    const other = {
      ...newHelpDraft(),
      serviceCode: OTHER_NEED,
      communeCode: '25459',
      phone: '0912345678',
      consent: true,
    };
    expect(validateHelpDraft(other)).toEqual({ needText: 'form.errors.needText' });
    expect(validateHelpDraft({ ...other, needText: 'Cài Zalo' })).toEqual({});
  });

  it('sends the free text as the need, empty optional fields as null, and the consent version shown', () => {
    const draft = {
      ...newHelpDraft(),
      serviceCode: OTHER_NEED,
      needText: '  Cài Zalo cho bà  ',
      communeCode: '25459',
      phone: ' 0912345678 ',
      address: '   ',
      consent: true,
    };
    expect(toHelpRequestBody(draft)).toEqual({
      id: draft.id,
      need: 'Cài Zalo cho bà',
      communeCode: '25459',
      hamletId: null,
      address: null,
      preferredTime: null,
      phone: '0912345678',
      contactName: null,
      consent: true,
      consentVersion: HELP_CONSENT_VERSION,
    });
    expect(HELP_CONSENT_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('survives a reload through localStorage and ignores what it cannot read', () => {
    const draft = { ...newHelpDraft(), serviceCode: 'vneid_level2', phone: '0912345678' };
    saveHelpDraft(draft);
    expect(loadHelpDraft()).toEqual(draft);
    localStorage.setItem(HELP_DRAFT_KEY, '{not json');
    expect(loadHelpDraft()).toBeNull();
    localStorage.setItem(HELP_DRAFT_KEY, JSON.stringify({ id: 1 }));
    expect(loadHelpDraft()).toBeNull();
  });
});

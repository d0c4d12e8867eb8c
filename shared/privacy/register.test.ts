import { describe, expect, it } from 'vitest';
import {
  CONTROLLER,
  DATA_SUBJECT_RIGHT_TEXTS,
  DATA_SUBJECT_RIGHTS,
  findPurpose,
  LEGAL_BASIS_KINDS,
  LEGAL_BASIS_NAMES,
  NEVER_ASKED,
  PRIVACY_LAWS,
  PROCESSING_PURPOSES,
  PURPOSE_IDS,
  REGISTER_UPDATED_ON,
  RETENTION_UNITS,
  type LocalizedText,
} from './register';

function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && 'vi' in value && 'en' in value;
}

/** Every {vi, en} pair anywhere inside `value`, with its path, so a failure names the sentence that is missing. */
function textsIn(value: unknown, path = ''): [string, LocalizedText][] {
  if (isLocalizedText(value)) return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => textsIn(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => textsIn(item, path ? `${path}.${key}` : key));
  }
  return [];
}

const VIETNAMESE_LETTER = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe('the register of processing purposes', () => {
  it('declares each purpose the platform has or will have, once', () => {
    const ids = PROCESSING_PURPOSES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...PURPOSE_IDS].sort());
    expect(findPurpose('questions').name.en).toBe('Online questions and answers');
  });

  it('is complete in Vietnamese and in English, and the English is not the Vietnamese left untranslated', () => {
    const texts = textsIn({
      PROCESSING_PURPOSES,
      CONTROLLER,
      PRIVACY_LAWS,
      LEGAL_BASIS_NAMES,
      DATA_SUBJECT_RIGHT_TEXTS,
      NEVER_ASKED,
    });
    // The walk really reaches into each purpose: name, description, data, basis, recipients, retention, withdrawal.
    for (const purpose of PROCESSING_PURPOSES)
      expect(textsIn(purpose).length, purpose.id).toBeGreaterThanOrEqual(7);
    for (const [path, text] of texts) {
      expect(text.vi.trim(), `${path}.vi`).not.toBe('');
      expect(text.en.trim(), `${path}.en`).not.toBe('');
      expect(text.en, `${path}.en`).not.toBe(text.vi);
      expect(VIETNAMESE_LETTER.test(text.vi), `${path}.vi reads as Vietnamese`).toBe(true);
    }
  });

  it('gives every purpose its data, basis, recipients, retention and withdrawal', () => {
    for (const purpose of PROCESSING_PURPOSES) {
      expect(purpose.data.length, purpose.id).toBeGreaterThan(0);
      expect(purpose.recipients.length, purpose.id).toBeGreaterThan(0);
      expect(LEGAL_BASIS_KINDS, purpose.id).toContain(purpose.basis.kind);
      expect(purpose.withdrawal.vi, purpose.id).not.toBe('');
      expect(['in_use', 'planned'], purpose.id).toContain(purpose.status);
    }
  });

  it('has a versioned consent text wherever consent is the basis', () => {
    const consentBased = PROCESSING_PURPOSES.filter((p) => p.basis.kind === 'consent');
    expect(consentBased.map((p) => p.id).sort()).toEqual(
      ['help_requests', 'questions', 'quizzes', 'support_records'].sort(),
    );
    for (const purpose of PROCESSING_PURPOSES) {
      if (purpose.basis.kind === 'consent') expect(purpose.consent, purpose.id).toBeDefined();
      if (!purpose.consent) continue;
      expect(purpose.consent.version, purpose.id).toMatch(DAY);
      expect(Number.isNaN(Date.parse(purpose.consent.version)), purpose.id).toBe(false);
      expect(purpose.consent.version <= REGISTER_UPDATED_ON, purpose.id).toBe(true);
    }
  });

  it('keeps data for a positive whole period and says the same number in words', () => {
    for (const { id, retention } of PROCESSING_PURPOSES) {
      expect(Number.isInteger(retention.amount) && retention.amount > 0, id).toBe(true);
      expect(RETENTION_UNITS, id).toContain(retention.unit);
      const viUnit = retention.unit === 'months' ? 'tháng' : 'ngày';
      expect(retention.text.vi, id).toContain(`${retention.amount} ${viUnit}`);
      expect(retention.text.en, id).toContain(`${retention.amount} ${retention.unit}`);
    }
  });

  it('names every legal basis and every data-subject right in both languages', () => {
    for (const kind of LEGAL_BASIS_KINDS) expect(LEGAL_BASIS_NAMES[kind].en).not.toBe('');
    expect(DATA_SUBJECT_RIGHTS).toEqual([
      'access',
      'correction',
      'deletion',
      'restriction',
      'withdrawal',
      'objection',
    ]);
    for (const right of DATA_SUBJECT_RIGHTS)
      expect(DATA_SUBJECT_RIGHT_TEXTS[right].description.vi).not.toBe('');
    expect(REGISTER_UPDATED_ON).toMatch(DAY);
  });
});

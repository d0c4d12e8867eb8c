import { describe, expect, it } from 'vitest';
import { en, vi } from './messages';
import { displayStatusKey, recordDisplayStatus } from './record-status';

const review = (status: 'pending' | 'reviewed' | 'flagged') => ({
  status,
  at: null,
  byUserId: null,
  note: null,
});

describe('recordDisplayStatus', () => {
  it('gives a current record its review status', () => {
    expect(recordDisplayStatus({ state: 'active', review: review('pending') })).toBe('pending');
    expect(recordDisplayStatus({ state: 'active', review: review('flagged') })).toBe('flagged');
  });

  it('gives a withdrawn or corrected record one status, whatever its review said', () => {
    for (const status of ['pending', 'reviewed', 'flagged'] as const) {
      expect(recordDisplayStatus({ state: 'retracted', review: review(status) })).toBe('retracted');
      expect(recordDisplayStatus({ state: 'superseded', review: review(status) })).toBe('superseded');
    }
  });

  it('names every status in Vietnamese and English', () => {
    const lookup = (messages: typeof vi, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
    for (const status of ['pending', 'reviewed', 'flagged', 'retracted', 'superseded'] as const) {
      expect(typeof lookup(vi, displayStatusKey(status)), status).toBe('string');
      expect(typeof lookup(en, displayStatusKey(status)), status).toBe('string');
    }
    expect(lookup(vi, displayStatusKey('retracted'))).toBe('Đã rút');
  });
});

import { describe, expect, it } from 'vitest';
import { SupportRecordInputSchema } from '../contracts/support';
import {
  canonicalSupportContent,
  checkConsent,
  checkOccurredAt,
  checkServiceCodes,
  describeIssue,
  isSameSupportContent,
  normalizeSupportContent,
} from './support-record';

const base = {
  teamId: 't1',
  hamletId: 'h1',
  occurredAt: '2026-11-28T09:30:00+07:00',
  services: ['payment_vietqr', 'vneid_level2'],
  outcome: 'done' as const,
  person: { ageBand: '60_plus' as const, gender: 'female' as const },
  consent: true,
};

describe('support record rules', () => {
  it('treats reordered services, another offset for the same instant and absent vs null optionals as the same content', () => {
    const a = normalizeSupportContent(base);
    const b = normalizeSupportContent({
      ...base,
      occurredAt: '2026-11-28T02:30:00Z',
      services: ['vneid_level2', 'payment_vietqr', 'vneid_level2'],
      note: '  ',
      durationMinutes: null,
    });
    expect(isSameSupportContent(a, b)).toBe(true);
    expect(a.occurredAt).toBe('2026-11-28T02:30:00.000Z');
    expect(isSameSupportContent(a, normalizeSupportContent({ ...base, outcome: 'partly' }))).toBe(false);
    expect(canonicalSupportContent(a).startsWith('["v1"')).toBe(true);
  });

  it('allows 10 minutes of clock drift ahead and 90 days back', () => {
    const now = new Date('2026-11-28T03:00:00Z');
    expect(checkOccurredAt('2026-11-28T03:09:59Z', now)).toBeNull();
    expect(checkOccurredAt('2026-11-28T03:10:01Z', now)?.path).toBe('occurredAt');
    expect(checkOccurredAt('2026-08-30T03:00:01Z', now)).toBeNull();
    expect(checkOccurredAt('2026-08-30T02:59:59Z', now)?.messageVi).toContain('90 ngày');
  });

  it('names unknown and retired services by position, and keeps notes and location out without consent', () => {
    const status = (c: string) =>
      (({ vneid_level2: 'active', platform_qa: 'retired' }) as const)[c as 'vneid_level2' | 'platform_qa'];
    expect(checkServiceCodes(['vneid_level2', 'x', 'platform_qa'], status).map((e) => e.path)).toEqual([
      'services.1',
      'services.2',
    ]);
    expect(checkConsent({ consent: false, note: 'n', location: null }).map((e) => e.path)).toEqual(['note']);
    expect(checkConsent({ consent: true, note: 'n', location: { lat: 1, lng: 2, accuracy: null } })).toEqual(
      [],
    );
  });

  it('turns schema issues into bilingual per-field messages', () => {
    const input = { ...base, id: 'x', outcome: 'great', person: {}, consent: 'yes', extra: 1 };
    const r = SupportRecordInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    const details = r.error!.issues.map((i) => describeIssue(i, input));
    expect(details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['id', 'outcome', 'person.ageBand', '']),
    );
    expect(details.find((d) => d.path === 'outcome')?.messageVi).toContain('Kết quả');
    expect(details.find((d) => d.path === 'person.ageBand')?.message).toBe('Age band is required.');
    expect(details.find((d) => d.path === 'consent')?.messageVi).toBe('Sự đồng ý sai kiểu dữ liệu.');
  });
});

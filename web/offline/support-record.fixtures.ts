import { uuidv7 } from '../../shared/ids';
import type { SupportRecordBody } from './support-record-types';

/** A valid record as the capture form would build it; tests override what they exercise. */
export function buildRecord(overrides: Partial<SupportRecordBody> = {}): SupportRecordBody {
  return {
    id: uuidv7(),
    teamId: 'team-1',
    hamletId: 'hamlet-1',
    occurredAt: '2026-11-28T09:15:00+07:00',
    services: ['vneid_level2'],
    outcome: 'done',
    person: { ageBand: '60_plus', gender: 'female' },
    consent: true,
    ...overrides,
  };
}

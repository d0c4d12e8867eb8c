import { describe, expect, it } from 'vitest';
import type { ScopedGrant } from '../../../shared/rules/permissions';
import type { Actor } from '../../platform/auth/actor';
import { caseAbilities, caseActions, mayHandle, mayRead, mayTriage, type CaseSubject } from './cases.policy';

const grant = (g: Partial<ScopedGrant> & Pick<ScopedGrant, 'role'>): ScopedGrant => ({
  unitCode: g.communeCode ?? '80',
  level: g.communeCode ? 'commune' : 'province',
  provinceCode: '80',
  communeCode: null,
  hamletId: null,
  ...g,
});
const user = (...grants: ScopedGrant[]): Actor => ({
  kind: 'user',
  user: { id: 'u1', name: 'Cán bộ', email: null, phone: null, locale: 'vi' },
  grants,
  sessionId: 's',
  csrfToken: 'c',
});
const report = (over: Partial<CaseSubject> = {}): CaseSubject => ({
  province_code: '80',
  commune_code: '25459',
  hamlet_id: null,
  kind: 'report',
  state: 'assigned',
  agency_id: 'agency-a',
  team_id: null,
  ...over,
});

describe('the case policy', () => {
  it('narrows an agency handler to the cases of the agency named on the grant, wherever the grant sits', () => {
    const handlerA = user(grant({ role: 'agency_handler', communeCode: '25459', agencyId: 'agency-a' }));
    expect(mayHandle(handlerA, report())).toBe(true);
    expect(mayHandle(handlerA, report({ agency_id: 'agency-b' }))).toBe(false);
    expect(mayRead(handlerA, report({ agency_id: null, state: 'submitted' }))).toBe(false);
    // A grant without an agency reaches no case, even at the case's own commune.
    expect(mayRead(user(grant({ role: 'agency_handler', communeCode: '25459' })), report())).toBe(false);
    expect(caseActions(handlerA, report())).toEqual(['start', 'answer']);
  });

  it('lets receivers triage where the case sits and handle it too', () => {
    const officer = user(grant({ role: 'commune_officer', communeCode: '25459' }));
    expect(mayTriage(officer, report())).toBe(true);
    expect(mayTriage(officer, report({ commune_code: '25480' }))).toBe(false);
    expect(caseActions(officer, report())).toEqual(['reassign', 'start', 'answer', 'merge']);
    // A petition with no place is the province's to receive.
    expect(mayRead(officer, report({ commune_code: null }))).toBe(false);
    expect(mayTriage(user(grant({ role: 'department_officer' })), report({ commune_code: null }))).toBe(true);
  });

  it('keeps proposals with proposals.triage holders and the raising team’s leader (read only)', () => {
    const proposal = report({ kind: 'proposal', state: 'submitted', agency_id: null, team_id: 't1' });
    const officer = user(grant({ role: 'commune_officer', communeCode: '25459' }));
    const coordinator = user(grant({ role: 'youth_union_coordinator' }));
    const leader = user(
      grant({ role: 'team_leader', level: 'hamlet', unitCode: 'h1', communeCode: '25459', hamletId: 'h1' }),
    );
    expect(mayRead(officer, proposal)).toBe(false);
    expect(caseActions(coordinator, proposal)).toEqual(['accept', 'refuse', 'merge']);
    expect(mayRead(leader, proposal)).toBe(false);
    expect(mayRead(leader, proposal, { leadsRaisingTeam: true })).toBe(true);
    expect(caseActions(leader, proposal)).toEqual([]);
  });

  it('offers extensions to the handler once and their decision to supervisors only', () => {
    const handlerA = user(grant({ role: 'agency_handler', communeCode: '25459', agencyId: 'agency-a' }));
    const officer = user(grant({ role: 'commune_officer', communeCode: '25459' }));
    expect(caseAbilities(handlerA, report(), { pendingExtension: false, hasContact: true })).toEqual([
      'note',
      'publicUpdate',
      'requestExtension',
      'revealContact',
    ]);
    expect(caseAbilities(handlerA, report(), { pendingExtension: true, hasContact: false })).toEqual([
      'note',
      'publicUpdate',
    ]);
    expect(caseAbilities(officer, report(), { pendingExtension: true, hasContact: true })).toEqual([
      'note',
      'publicUpdate',
      'decideExtension',
      'moderate',
      'revealContact',
      'block',
    ]);
  });
});

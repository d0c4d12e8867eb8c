import { describe, expect, it } from 'vitest';
import type { Role, ScopedGrant, ScopeLevel } from '../../../shared/rules/permissions';
import { mayGrantRole, type GrantTarget } from './grants.policy';

const grant = (role: Role, level: ScopeLevel): ScopedGrant => ({
  role,
  level,
  unitCode: level === 'province' ? '80' : level === 'commune' ? '25459' : 'h1',
  provinceCode: '80',
  communeCode: level === 'province' ? null : '25459',
  hamletId: level === 'hamlet' ? 'h1' : null,
});
const province: GrantTarget = { level: 'province', provinceCode: '80', communeCode: null, hamletId: null };
const commune: GrantTarget = { level: 'commune', provinceCode: '80', communeCode: '25459', hamletId: null };
const hamlet: GrantTarget = { level: 'hamlet', provinceCode: '80', communeCode: '25459', hamletId: 'h1' };
const otherHamlet: GrantTarget = { ...hamlet, hamletId: 'h2' };

describe('grant delegation: a grant at one’s own level needs the level above', () => {
  it('lets a commune officer give team roles below the commune, never a commune-level role', () => {
    const officer = [grant('commune_officer', 'commune')];
    expect(mayGrantRole(officer, 'team_member', hamlet)).toBe(true);
    expect(mayGrantRole(officer, 'team_leader', hamlet)).toBe(true);
    for (const role of ['commune_officer', 'agency_handler', 'team_leader', 'team_member'] as const) {
      expect(mayGrantRole(officer, role, commune), role).toBe(false);
    }
  });

  it('gives a team leader nothing by delegation, only team roles at their team’s unit under the team’s authority', () => {
    const leader = [grant('team_leader', 'hamlet')];
    expect(mayGrantRole(leader, 'team_member', hamlet)).toBe(false);
    expect(mayGrantRole(leader, 'team_member', hamlet, 'team')).toBe(true);
    expect(mayGrantRole(leader, 'team_member', otherHamlet, 'team')).toBe(false);
    expect(mayGrantRole(leader, 'commune_officer', commune, 'team')).toBe(false);
    expect(mayGrantRole([grant('team_member', 'hamlet')], 'team_member', hamlet, 'team')).toBe(false);
  });

  it('lets the province administrator give province roles (nothing sits above a province), and nobody else', () => {
    expect(mayGrantRole([grant('province_admin', 'province')], 'province_admin', province)).toBe(true);
    expect(mayGrantRole([grant('province_admin', 'province')], 'department_officer', province)).toBe(true);
    expect(mayGrantRole([grant('province_admin', 'province')], 'commune_officer', commune)).toBe(true);
    expect(mayGrantRole([grant('department_officer', 'province')], 'department_officer', province)).toBe(
      false,
    );
    expect(mayGrantRole([grant('commune_officer', 'commune')], 'department_officer', province)).toBe(false);
  });
});

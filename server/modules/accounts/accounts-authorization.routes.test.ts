import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/rules/permissions';
import type { Session } from '../../test/app';
import { buildUser } from '../../test/factories';
import { createAccountsWorld, signInAs, type AccountsWorld } from './accounts.fixtures';

/**
 * Who may do what, table-driven: each role in scope and out of scope of the target (commune 25459 and its
 * hamlet "Khu phố 1", province 80), and anonymous. For lists, "sees"/"blind" = 200 with or without the target.
 */
type ListCell = 'sees' | 'blind' | 401 | 403;
type Scope = 'in' | 'out';
interface Row {
  role: Role | 'anonymous';
  scope: Scope | '-';
  users: ListCell;
  invite: 201 | 401 | 403;
  audit: ListCell;
  apiKey: 201 | 401 | 403;
}

const MATRIX: Row[] = [
  { role: 'province_admin', scope: 'in', users: 'sees', invite: 201, audit: 'sees', apiKey: 201 },
  { role: 'province_admin', scope: 'out', users: 'blind', invite: 403, audit: 'blind', apiKey: 403 },
  { role: 'department_officer', scope: 'in', users: 'sees', invite: 403, audit: 'sees', apiKey: 403 },
  { role: 'department_officer', scope: 'out', users: 'blind', invite: 403, audit: 'blind', apiKey: 403 },
  { role: 'youth_union_coordinator', scope: 'in', users: 'sees', invite: 403, audit: 403, apiKey: 403 },
  { role: 'youth_union_coordinator', scope: 'out', users: 'blind', invite: 403, audit: 403, apiKey: 403 },
  { role: 'commune_officer', scope: 'in', users: 'sees', invite: 201, audit: 403, apiKey: 403 },
  { role: 'commune_officer', scope: 'out', users: 'blind', invite: 403, audit: 403, apiKey: 403 },
  { role: 'agency_handler', scope: 'in', users: 403, invite: 403, audit: 403, apiKey: 403 },
  { role: 'agency_handler', scope: 'out', users: 403, invite: 403, audit: 403, apiKey: 403 },
  { role: 'team_leader', scope: 'in', users: 'sees', invite: 403, audit: 403, apiKey: 403 },
  { role: 'team_leader', scope: 'out', users: 'blind', invite: 403, audit: 403, apiKey: 403 },
  { role: 'team_member', scope: 'in', users: 403, invite: 403, audit: 403, apiKey: 403 },
  { role: 'team_member', scope: 'out', users: 403, invite: 403, audit: 403, apiKey: 403 },
  { role: 'anonymous', scope: '-', users: 401, invite: 401, audit: 401, apiKey: 401 },
];

describe('accounts authorization matrix', () => {
  let w: AccountsWorld;
  let targetUserId: string;
  let targetAuditEntity: string;
  const sessions = new Map<string, Session>();

  /** Where each role's grant sits, in and out of the target's subtree (levels as ROLE_LEVELS allows). */
  function unitFor(role: Role, scope: Scope): { unitCode: string; communeCode?: string } {
    const byLevel = {
      province: scope === 'in' ? '80' : '79',
      commune: scope === 'in' ? w.commune : w.otherCommune,
      hamlet: scope === 'in' ? w.hamlet : w.otherCommuneHamlet,
    };
    if (role === 'province_admin' || role === 'department_officer' || role === 'youth_union_coordinator') {
      return { unitCode: byLevel.province };
    }
    if (role === 'commune_officer' || role === 'agency_handler') return { unitCode: byLevel.commune };
    return { unitCode: byLevel.hamlet, communeCode: scope === 'in' ? w.commune : w.otherCommune };
  }

  beforeAll(async () => {
    w = await createAccountsWorld();
    const db = w.t.database.db;
    targetUserId = (await buildUser(db, { name: 'Người được kiểm tra', grants: [{ role: 'team_member', unitCode: w.hamlet, communeCode: w.commune }] })).id;
    const setupAdmin = await buildUser(db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    const setup = await signInAs(w.t, setupAdmin.email, setupAdmin.password);
    const key = await w.t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: setup.headers, payload: { name: 'Mục tiêu', scopes: ['read'] } });
    targetAuditEntity = key.json().id;
    for (const row of MATRIX) {
      if (row.role === 'anonymous' || row.scope === '-') continue;
      const placed = unitFor(row.role, row.scope);
      const u = await buildUser(db, { grants: [{ role: row.role, ...placed }] });
      sessions.set(`${row.role}/${row.scope}`, await signInAs(w.t, u.email, u.password));
    }
  });
  afterAll(async () => w.t.close());

  function headersOf(row: Row): Record<string, string> {
    return row.role === 'anonymous' ? {} : sessions.get(`${row.role}/${row.scope}`)!.headers;
  }

  function expectList(res: { statusCode: number; json(): { items: { id: string; entityId?: string }[] } }, cell: ListCell, target: string, key: 'id' | 'entityId') {
    if (cell === 401 || cell === 403) {
      expect(res.statusCode).toBe(cell);
      return;
    }
    expect(res.statusCode).toBe(200);
    const found = res.json().items.some((i) => i[key] === target);
    expect(found).toBe(cell === 'sees');
  }

  it.each(MATRIX)('$role ($scope): GET /api/v1/users → $users', async (row) => {
    const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/users?limit=500', headers: headersOf(row) });
    expectList(res, row.users, targetUserId, 'id');
  });

  it.each(MATRIX)('$role ($scope): POST /api/v1/invitations → $invite', async (row) => {
    const res = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: headersOf(row),
      payload: { name: 'Thành viên mới', role: 'team_member', unitCode: w.hamlet },
    });
    expect(res.statusCode).toBe(row.invite);
    if (row.invite !== 201) expect(res.json().error.messageVi).toBeTruthy();
  });

  it.each(MATRIX)('$role ($scope): GET /api/v1/audit → $audit', async (row) => {
    const res = await w.t.app.inject({ method: 'GET', url: `/api/v1/audit?entityId=${targetAuditEntity}`, headers: headersOf(row) });
    expectList(res, row.audit, targetAuditEntity, 'entityId');
  });

  it.each(MATRIX)('$role ($scope): POST /api/v1/api-keys → $apiKey', async (row) => {
    const res = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: headersOf(row),
      payload: { name: 'Khoá thử', scopes: ['read'], unitCode: '80' },
    });
    expect(res.statusCode).toBe(row.apiKey);
  });
});

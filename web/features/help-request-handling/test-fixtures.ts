import type { TeamDetail } from '../../../shared/contracts/teams';
import type { HelpRequestDetail, HelpRequestItem } from './queries';

/** Bodies for the staff screens' fake API, checked against the shared contracts (web/test-contracts.ts). */
export const REQUEST_ID = '0190f0b0-0000-7000-8000-000000000001';
export const TEAM_ID = '0190f0b0-0000-7000-8000-0000000000t1';
export const MEMBER_ID = '0190f0b0-0000-7000-8000-0000000000m1';
export const HAMLET_ID = '0190f0b0-0000-7000-8000-0000000000h1';

export function me(role: string, actions: string[]) {
  return {
    user: { id: 'u1', name: 'Lê Văn Tâm', email: 'tam@example.vn', phone: null, locale: 'vi' },
    grants: [{ id: 'g1', role, unitCode: HAMLET_ID, unitName: 'Khu phố Bình Phú' }],
    teams: [{ teamId: TEAM_ID, teamName: 'Tổ khu phố Bình Phú', hamletId: HAMLET_ID, role: 'leader' }],
    csrfToken: 'csrf-1',
    actions,
  };
}
export const LEADER = me('team_leader', ['helpRequests.read', 'helpRequests.handle', 'helpRequests.assign']);

export function item(over: Partial<HelpRequestItem> = {}): HelpRequestItem {
  return {
    id: REQUEST_ID,
    code: 'YCHT.20261207.0012',
    state: 'new',
    routedTo: 'hamlet_team',
    communeCode: '25459',
    hamletId: HAMLET_ID,
    hamletName: 'Khu phố Bình Phú',
    teamId: TEAM_ID,
    teamName: 'Tổ khu phố Bình Phú',
    serviceCode: 'vneid_level2',
    need: 'Kích hoạt VNeID mức 2',
    preferredTime: 'Sáng thứ Bảy',
    phoneMasked: '09•• ••• 678',
    assignedMemberId: null,
    assignedMemberName: null,
    scheduledFor: null,
    callDueAt: '2026-12-09T02:00:00.000Z',
    createdAt: '2026-12-07T02:00:00.000Z',
    actions: ['assign', 'cancel', 'reveal'],
    ...over,
  };
}

export function detail(over: Partial<HelpRequestDetail> = {}): HelpRequestDetail {
  return {
    ...item(),
    channel: 'web',
    filedByName: null,
    contactName: 'Cô Lan',
    address: 'Số 12, khu phố Bình Phú',
    supportRecordId: null,
    closedAt: null,
    closeReason: null,
    rating: null,
    ratingComment: null,
    timeline: [
      { action: 'created', fromState: null, toState: 'new', note: null, at: '2026-12-07T02:00:00.000Z' },
    ],
    ...over,
  };
}

export function team(): TeamDetail {
  const member = (id: string, name: string, role: 'leader' | 'member', active = true) => ({
    id,
    name,
    role,
    affiliation: 'youth_union' as const,
    organization: null,
    phone: null,
    phonePublic: false,
    active,
    actions: [],
  });
  return {
    id: TEAM_ID,
    name: 'Tổ khu phố Bình Phú',
    level: 'hamlet',
    provinceCode: '80',
    communeCode: '25459',
    communeName: 'Phường Tân An',
    hamletId: HAMLET_ID,
    hamletName: 'Khu phố Bình Phú',
    schedule: null,
    contactPhone: null,
    memberCount: 2,
    status: 'active',
    mergedIntoId: null,
    actions: [],
    members: [
      member('0190f0b0-0000-7000-8000-0000000000m0', 'Lê Văn Tâm', 'leader'),
      member(MEMBER_ID, 'Nguyễn Thị Hoa', 'member'),
      member('0190f0b0-0000-7000-8000-0000000000m9', 'Trần Cũ', 'member', false),
    ],
  };
}

import type { z } from 'zod';
import type { PublicHelpRequestSchema } from '../../../shared/contracts/help-requests';
import type { Service } from '../../../shared/contracts/services';
import type { HamletItem, UnitItem } from '../../../shared/contracts/units';
import { answer, type FakeRoute } from '../geography/fake-api';

/** Test data of the citizens' help-request pages, shaped by the shared contracts (the fake API checks each body). */
export const CODE = 'YCHT.20261207.0012';
export const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz012345';

const unit = (
  code: string,
  fullName: string,
  level: 'province' | 'commune',
  parentCode: string | null,
): UnitItem => ({
  code,
  level,
  name: fullName.replace(/^(Tỉnh|Phường|Xã) /, ''),
  fullName,
  type: fullName.split(' ')[0] ?? '',
  parentCode,
  provinceCode: level === 'province' ? code : (parentCode ?? ''),
  validFrom: '2025-07-01',
  validTo: null,
});
export const TAY_NINH = unit('80', 'Tỉnh Tây Ninh', 'province', null);
export const TAN_AN = unit('25459', 'Phường Tân An', 'commune', '80');
export const BINH_PHU: HamletItem = {
  id: '0190a000-0000-7000-8000-000000000001',
  code: '0190a000-0000-7000-8000-000000000001',
  level: 'hamlet',
  name: 'Khu phố Bình Phú',
  fullName: 'Khu phố Bình Phú',
  type: 'Khu phố',
  kind: 'khu_pho',
  localCode: 'KP1',
  communeCode: '25459',
  provinceCode: '80',
  status: 'active',
  validFrom: '2025-07-01T00:00:00.000Z',
  validTo: null,
  actions: [],
};

const service = (code: string, name: string, nameEn: string): Service => ({
  code,
  name,
  nameEn,
  skill: 'public_services',
  skillName: 'Dịch vụ công',
  skillNameEn: 'Public services',
  description: null,
  status: 'active',
  sortOrder: 1,
  actions: [],
});
export const VNEID = service('vneid_level2', 'Kích hoạt VNeID mức 2', 'Activate VNeID level 2');
export const BANK_APP = service('payment_bank_app', 'Cài ứng dụng ngân hàng', 'Install a banking app');

/** Signed out, the catalogue, and the province → commune → hamlet slice of the units API. */
export function formRoutes(): FakeRoute[] {
  return [
    answer('GET', '/api/v1/me', {
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in' } },
    }),
    answer('GET', '/api/v1/services', { body: { items: [VNEID, BANK_APP] } }),
    answer('GET', '/api/v1/case-categories', { body: { items: [], provinceCode: '80', tileUrl: null } }),
    answer('GET', '/api/v1/units', ({ url }) => {
      const level = url.searchParams.get('level');
      const parent = url.searchParams.get('parent');
      let items: (UnitItem | HamletItem)[] = [];
      if (level === 'province') items = [TAY_NINH];
      if (level === 'commune' && parent === '80') items = [TAN_AN];
      if (level === 'hamlet' && parent === '25459') items = [BINH_PHU];
      return { body: { items, nextCursor: null } };
    }),
    answer('GET', /^\/api\/v1\/units\/\d+$/, ({ url }) => {
      const found = [TAY_NINH, TAN_AN].find((u) => u.code === url.pathname.split('/').pop());
      return found
        ? { body: { ...found, nameEn: null, predecessors: [], successors: [] } }
        : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'No unit' } } };
    }),
  ];
}

export function publicRequest(
  overrides: Partial<z.infer<typeof PublicHelpRequestSchema>> = {},
): z.infer<typeof PublicHelpRequestSchema> {
  const words = { vi: 'Đã nhận, đang chờ tổ liên hệ', en: 'Received, waiting for the team to call' };
  return {
    code: CODE,
    state: 'new',
    status: words,
    need: 'Kích hoạt VNeID mức 2',
    communeName: 'Phường Tân An',
    hamletName: 'Khu phố Bình Phú',
    teamName: 'Tổ công nghệ số cộng đồng khu phố Bình Phú',
    createdAt: '2026-12-07T02:00:00.000Z',
    scheduledFor: null,
    timeline: [{ state: 'new', status: words, at: '2026-12-07T02:00:00.000Z' }],
    rating: null,
    canRate: false,
    ...overrides,
  };
}

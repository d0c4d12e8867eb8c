import type { Role } from '../../../shared/rules/permissions';

export const DEMO_PROVINCE_CODE = '80';

/**
 * The demo's commune: Phường Tân An, the provincial centre of Tây Ninh since the 2025 merger (formerly the
 * capital of Long An). Its commune officer and the demo team sit here.
 */
export const DEMO_COMMUNE_CODE = '27712';

export const DEMO_EMAIL_DOMAIN = 'demo.congdongso.vn';

/** Where a demo account's grant sits: the province, the demo commune, or the first hamlet of the demo commune. */
export type DemoScope = 'province' | 'commune' | 'hamlet';

export interface DemoAccountSpec {
  role: Role;
  email: string;
  /** Stored form (+84…); the demo's own number block, so signing in by phone can be tried with any account. */
  phone: string;
  name: string;
  scope: DemoScope;
}

/** One account per role, in the order of ROLES, so the sign-in page lists them from the top of the tree down. */
export const DEMO_ACCOUNT_SPECS: readonly DemoAccountSpec[] = [
  {
    role: 'province_admin',
    email: `quantri@${DEMO_EMAIL_DOMAIN}`,
    phone: '+84900000001',
    name: 'Nguyễn Thị Thu Hà',
    scope: 'province',
  },
  {
    role: 'department_officer',
    email: `sokhcn@${DEMO_EMAIL_DOMAIN}`,
    phone: '+84900000002',
    name: 'Trần Minh Tuấn',
    scope: 'province',
  },
  {
    role: 'youth_union_coordinator',
    email: `tinhdoan@${DEMO_EMAIL_DOMAIN}`,
    phone: '+84900000003',
    name: 'Lê Hoàng Phúc',
    scope: 'province',
  },
  {
    role: 'commune_officer',
    email: `phuongtanan@${DEMO_EMAIL_DOMAIN}`,
    phone: '+84900000004',
    name: 'Phạm Thị Ngọc Lan',
    scope: 'commune',
  },
  {
    role: 'agency_handler',
    email: `xuly@${DEMO_EMAIL_DOMAIN}`,
    phone: '+84900000005',
    name: 'Võ Văn Thành',
    scope: 'province',
  },
  // Two more agency handlers (issue 10): the power company's and the demo commune's office (agencies.demo.ts).
  {
    role: 'agency_handler',
    email: `dienluc@${DEMO_EMAIL_DOMAIN}`,
    phone: '+84900000008',
    name: 'Bùi Quốc Khánh',
    scope: 'province',
  },
  {
    role: 'agency_handler',
    email: `ubndtanan@${DEMO_EMAIL_DOMAIN}`,
    phone: '+84900000009',
    name: 'Ngô Thị Kim Yến',
    scope: 'commune',
  },
  {
    role: 'team_leader',
    email: `totruong@${DEMO_EMAIL_DOMAIN}`,
    phone: '+84900000006',
    name: 'Huỳnh Thanh Tâm',
    scope: 'hamlet',
  },
  {
    role: 'team_member',
    email: `thanhvien@${DEMO_EMAIL_DOMAIN}`,
    phone: '+84900000007',
    name: 'Đặng Thị Mai',
    scope: 'hamlet',
  },
];

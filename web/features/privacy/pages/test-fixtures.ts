import type { Breach } from '../../../../shared/contracts/privacy';

/** Test data of the administrator's personal-data screens (not a test file itself). */
export const ADMIN_ME = {
  user: { id: 'u1', name: 'Nguyễn Thị Thu Hà', email: 'ha@example.vn', phone: null, locale: 'vi' },
  grants: [{ id: 'g1', role: 'province_admin', unitCode: '80', unitName: 'Tỉnh Tây Ninh' }],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['privacy.breaches', 'privacy.accessLog'],
};

/** Discovered 01/12/2026 08:30 Vietnam time, so due 04/12/2026 08:30; still open and overdue unless told. */
export function breachOf(over: Partial<Breach> = {}): Breach {
  return {
    id: 'b1',
    provinceCode: '80',
    discoveredAt: '2026-12-01T01:30:00.000Z',
    occurredAt: '2026-11-30T14:00:00.000Z',
    notifyBy: '2026-12-04T01:30:00.000Z',
    overdue: true,
    hoursLeft: -30,
    title: 'Lộ danh sách thành viên tổ ấp Bình Hòa',
    description: 'Bảng tính danh sách thành viên bị chia sẻ công khai trên mạng.\nĐã có người tải về.',
    dataCategories: ['name', 'phone'],
    subjects: 'Thành viên tổ công nghệ số cộng đồng ấp Bình Hòa',
    subjectsCount: 42,
    consequences: 'Có thể bị gọi điện lừa đảo.',
    measures: 'Đã gỡ bảng tính và đổi quyền chia sẻ.',
    contact: 'Trần Văn Minh, Chánh Văn phòng, minh@example.vn',
    status: 'open',
    notifiedAt: null,
    notifiedTo: null,
    notificationRef: null,
    lateReason: null,
    closedAt: null,
    recordedBy: { id: 'u1', name: 'Nguyễn Thị Thu Hà' },
    createdAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
    ...over,
  };
}

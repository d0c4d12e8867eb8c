import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { InvitePage } from './InvitePage';

const ME = {
  user: { id: 'u1', name: 'Phạm Thị Ngọc Lan', email: 'lan@example.vn', phone: null, locale: 'vi' },
  grants: [{ id: 'g1', role: 'commune_officer', unitCode: '25459', unitName: 'Phường Tân An' }],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['users.read', 'users.manage'],
};
const TAN_AN = {
  code: '25459',
  level: 'commune',
  name: 'Tân An',
  fullName: 'Phường Tân An',
  type: 'Phường',
  parentCode: '80',
  provinceCode: '80',
  validFrom: '2025-07-01',
  validTo: null,
};
const HAMLET = {
  id: '0190a000-0000-7000-8000-000000000001',
  code: '0190a000-0000-7000-8000-000000000001',
  level: 'hamlet',
  name: 'Khu phố 1',
  fullName: 'Khu phố 1',
  type: 'Khu phố',
  kind: 'khu_pho',
  localCode: null,
  communeCode: '25459',
  provinceCode: '80',
  status: 'active',
  validFrom: '2025-07-01T00:00:00.000Z',
  validTo: null,
  actions: [],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('InvitePage', () => {
  it("checks the form, then shows the invitation link to share, opening the picker at the officer's commune", async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('GET', '/api/v1/units/25459', {
        body: { ...TAN_AN, nameEn: null, predecessors: [], successors: [] },
      }),
      answer('GET', '/api/v1/units', { body: { items: [HAMLET], nextCursor: null } }),
      answer('POST', '/api/v1/invitations', {
        status: 201,
        body: { id: 'i1', link: 'http://app.test/invitations/tok123', expiresAt: '2026-01-09T03:00:00.000Z' },
      }),
    ]);
    await renderInApp(<InvitePage />);

    fireEvent.click(await screen.findByRole('button', { name: 'Tạo lời mời' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getAllByText('Vui lòng nhập họ và tên (ít nhất 2 ký tự).').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Vui lòng chọn vai trò.').length).toBeGreaterThan(0);
    expect(api.callsTo('POST', '/api/v1/invitations')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Họ và tên người được mời'), {
      target: { value: 'Trần Văn Bảy' },
    });
    fireEvent.change(screen.getByLabelText(/Số điện thoại/), { target: { value: '0912345678' } });
    fireEvent.change(screen.getByLabelText('Vai trò'), { target: { value: 'team_member' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Chọn Khu phố 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tạo lời mời' }));

    const link = (await screen.findByLabelText('Liên kết mời')) as HTMLInputElement;
    expect(link.value).toBe('http://app.test/invitations/tok123');
    expect(screen.getByText(/hết hạn lúc 09\/01\/2026 10:00/)).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/invitations')[0]?.body).toEqual({
      name: 'Trần Văn Bảy',
      role: 'team_member',
      unitCode: HAMLET.id,
      phone: '0912345678',
    });
  });
});

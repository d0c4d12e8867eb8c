import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import type { HamletItem } from '../../../../shared/contracts/units';
import { answer, installFakeApi, renderInApp, type FakeRoute } from '../../geography/fake-api';
import { HamletsPage } from './HamletsPage';

const ME = {
  user: { id: 'u1', name: 'Phạm Thị Ngọc Lan', email: 'lan@example.vn', phone: null, locale: 'vi' },
  grants: [{ id: 'g1', role: 'commune_officer', unitCode: '25459', unitName: 'Phường Tân An' }],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['hamlets.manage'],
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
  nameEn: null,
  predecessors: [],
  successors: [],
};

function hamlet(id: string, name: string): HamletItem {
  return {
    id,
    code: id,
    level: 'hamlet',
    name,
    fullName: name,
    type: 'Ấp',
    kind: 'ap',
    localCode: null,
    communeCode: '25459',
    provinceCode: '80',
    status: 'active',
    validFrom: '2025-07-01T00:00:00.000Z',
    validTo: null,
    actions: ['hamlets.manage'],
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function routes(hamlets: HamletItem[], create: FakeRoute): FakeRoute[] {
  return [
    answer('GET', '/api/v1/me', { body: ME }),
    answer('GET', '/api/v1/units/25459', { body: TAN_AN }),
    answer('GET', '/api/v1/units/80', {
      body: { ...TAN_AN, code: '80', level: 'province', fullName: 'Tỉnh Tây Ninh', parentCode: null },
    }),
    answer('GET', '/api/v1/units', ({ url }) => ({
      body: { items: url.searchParams.get('level') === 'hamlet' ? hamlets : [], nextCursor: null },
    })),
    create,
  ];
}

describe('HamletsPage', () => {
  it("opens on the officer's own commune and adds a hamlet to it", async () => {
    const hamlets = [hamlet('0190a000-0000-7000-8000-000000000001', 'Ấp Bình Phú')];
    const api = installFakeApi(
      routes(
        hamlets,
        answer('POST', '/api/v1/hamlets', ({ body }) => {
          const created = hamlet('0190a000-0000-7000-8000-000000000002', (body as { name: string }).name);
          hamlets.push(created);
          const at = created.validFrom;
          return {
            status: 201,
            body: {
              ...created,
              mergedInto: null,
              createdAt: at,
              updatedAt: at,
              history: [{ id: 'c1', change: 'created', at, before: null, after: { name: created.name } }],
            },
          };
        }),
      ),
    );
    await renderInApp(<HamletsPage />);

    expect(await screen.findByRole('heading', { name: 'Ấp, khu phố của Phường Tân An' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Ấp Bình Phú' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Tên'), { target: { value: 'Ấp Sông Xanh' } });
    fireEvent.change(screen.getByLabelText(/Mã địa phương/), { target: { value: 'SX01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Thêm' }));

    expect(await screen.findByText('Đã thêm Ấp Sông Xanh.')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Ấp Sông Xanh' })).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/hamlets')[0]?.body).toEqual({
      communeCode: '25459',
      name: 'Ấp Sông Xanh',
      kind: 'ap',
      localCode: 'SX01',
    });
  });

  it("shows the server's reason when the name is already taken", async () => {
    installFakeApi(
      routes(
        [],
        answer('POST', '/api/v1/hamlets', {
          status: 409,
          body: {
            error: {
              code: 'CONFLICT',
              message: 'Exists',
              messageVi: 'Xã, phường này đã có ấp, khu phố tên này.',
            },
          },
        }),
      ),
    );
    await renderInApp(<HamletsPage />);
    expect(await screen.findByText('Xã, phường này chưa có ấp, khu phố nào.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Thêm' }));
    expect(await screen.findByText('Vui lòng nhập tên.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Tên'), { target: { value: 'Ấp Bình Phú' } });
    fireEvent.click(screen.getByRole('button', { name: 'Thêm' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Xã, phường này đã có ấp, khu phố tên này.',
    );
  });
});

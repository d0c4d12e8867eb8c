import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import type { ImportHamletsResult } from '../../../../shared/contracts/units';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { HamletImportPage } from './HamletImportPage';

const ME = {
  user: { id: 'u1', name: 'Phạm Thị Ngọc Lan', email: 'lan@example.vn', phone: null, locale: 'vi' },
  grants: [{ id: 'g1', role: 'commune_officer', unitCode: '25459', unitName: 'Phường Tân An' }],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['hamlets.manage', 'users.read'],
};

const WITH_ERROR: ImportHamletsResult = {
  dryRun: true,
  summary: { create: 1, update: 0, skip: 0, error: 1 },
  rows: [
    {
      line: 2,
      communeCode: '25459',
      name: 'Ấp Mới',
      kind: 'ap',
      localCode: null,
      action: 'create',
      errors: [],
    },
    {
      line: 3,
      communeCode: '99999',
      name: 'Ấp Sai',
      kind: 'ap',
      localCode: null,
      action: 'error',
      errors: [
        {
          field: 'commune_code',
          message: 'Unknown commune 99999',
          messageVi: 'Không có xã, phường mã 99999',
        },
      ],
    },
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function pasteCsv(text: string) {
  fireEvent.change(screen.getByLabelText('Hoặc dán nội dung CSV'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));
}

describe('HamletImportPage', () => {
  it('previews each row with its errors and offers no import while any row is wrong', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('POST', '/api/v1/hamlets/import', { body: WITH_ERROR }),
    ]);
    await renderInApp(<HamletImportPage />);
    pasteCsv('commune_code,name,kind,local_code\n25459,Ấp Mới,ấp,\n99999,Ấp Sai,ấp,');

    expect(await screen.findByText('Thêm mới: 1 · Cập nhật: 0 · Bỏ qua: 0 · Lỗi: 1')).toBeTruthy();
    expect(screen.getByText('Không có xã, phường mã 99999')).toBeTruthy();
    expect(screen.getByText(/Có 1 dòng lỗi/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Nhập \d+ dòng/ })).toBeNull();
    const sent = api.callsTo('POST', '/api/v1/hamlets/import')[0];
    expect(sent?.body).toEqual({
      csv: 'commune_code,name,kind,local_code\n25459,Ấp Mới,ấp,\n99999,Ấp Sai,ấp,',
      dryRun: true,
    });
  });

  it('imports for real only after a clean preview, with dryRun false', async () => {
    const clean: ImportHamletsResult = {
      dryRun: true,
      summary: { create: 2, update: 0, skip: 1, error: 0 },
      rows: [],
    };
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('POST', '/api/v1/hamlets/import', ({ body }) => ({
        body: { ...clean, dryRun: (body as { dryRun: boolean }).dryRun },
      })),
    ]);
    await renderInApp(<HamletImportPage />);
    pasteCsv('commune_code,name,kind,local_code\n25459,Ấp A,ấp,\n25459,Ấp B,ấp,\n25459,Khu phố 1,khu phố,');

    fireEvent.click(await screen.findByRole('button', { name: 'Nhập 2 dòng' }));
    expect(await screen.findByText('Đã nhập xong: thêm mới 2, cập nhật 0, bỏ qua 1.')).toBeTruthy();
    const calls = api
      .callsTo('POST', '/api/v1/hamlets/import')
      .map((c) => (c.body as { dryRun: boolean }).dryRun);
    expect(calls).toEqual([true, false]);
  });

  it('asks for a file or text before calling the server', async () => {
    const api = installFakeApi([answer('GET', '/api/v1/me', { body: ME })]);
    await renderInApp(<HamletImportPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Xem trước' }));
    expect(await screen.findByText('Vui lòng chọn tệp hoặc dán nội dung CSV.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/hamlets/import')).toHaveLength(0);
  });
});

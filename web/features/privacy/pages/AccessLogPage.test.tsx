import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AccessLogEntry } from '../../../../shared/contracts/privacy';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { AccessLogPage } from './AccessLogPage';
import { ADMIN_ME } from './test-fixtures';

const PATH = '/api/v1/privacy/access-log';

function entry(id: string, over: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    id,
    at: '2026-12-04T02:05:00.000Z',
    actor: { id: 'u7', name: 'Lê Văn Tám' },
    subjectType: 'team_member',
    subjectId: `m-${id}`,
    field: 'phone',
    reason: 'Gọi hẹn lịch hỗ trợ',
    communeCode: '25747',
    ...over,
  };
}

describe('AccessLogPage', () => {
  it('lists who saw whose data, which, why and when, filters by kind of record and pages', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ADMIN_ME }),
      answer('GET', PATH, (call) => {
        if (call.url.searchParams.get('subjectType') === 'data_subject_request') {
          return {
            body: {
              items: [
                entry('e3', {
                  subjectType: 'data_subject_request',
                  field: 'export',
                  reason: 'Data-subject request YC-7K3Q-9MFA (access)',
                  actor: { id: 'u1', name: 'Nguyễn Thị Thu Hà' },
                }),
              ],
              nextCursor: null,
            },
          };
        }
        return call.url.searchParams.get('cursor')
          ? {
              body: {
                items: [entry('e2', { subjectType: 'user', at: '2026-12-03T10:00:00.000Z' })],
                nextCursor: null,
              },
            }
          : { body: { items: [entry('e1')], nextCursor: 'c1' } };
      }),
    ]);
    await renderInApp(<AccessLogPage />, { path: '/admin/privacy/access-log' });

    const table = await screen.findByRole('table', { name: 'Các lần xem dữ liệu cá nhân, mới nhất trước' });
    const row = within(table).getByRole('row', { name: /04\/12\/2026 09:05/ });
    expect(within(row).getByText('Lê Văn Tám')).toBeTruthy();
    expect(within(row).getByText('Thành viên tổ')).toBeTruthy();
    expect(within(row).getByText('m-e1')).toBeTruthy();
    expect(within(row).getByText('Số điện thoại đầy đủ')).toBeTruthy();
    expect(within(row).getByText('Gọi hẹn lịch hỗ trợ')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Xem thêm' }));
    const older = await within(table).findByRole('row', { name: /03\/12\/2026 17:00/ });
    expect(within(older).getByText('Tài khoản')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Loại hồ sơ'), { target: { value: 'data_subject_request' } });
    const exported = await screen.findByRole('row', { name: /Yêu cầu về dữ liệu cá nhân/ });
    expect(within(exported).getByText('Toàn bộ dữ liệu (tải về)')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Lê Văn Tám')).toBeNull());
    expect(api.calls.at(-1)?.url.searchParams.get('subjectType')).toBe('data_subject_request');
  });

  it('reads in English and says when the log is empty', async () => {
    installFakeApi([
      answer('GET', '/api/v1/me', { body: ADMIN_ME }),
      answer('GET', PATH, { body: { items: [], nextCursor: null } }),
    ]);
    await renderInApp(<AccessLogPage />, { path: '/admin/privacy/access-log', language: 'en' });
    expect(await screen.findByText('Nobody has viewed personal data yet.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Personal-data access log' })).toBeTruthy();
  });
});

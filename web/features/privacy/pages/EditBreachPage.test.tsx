import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { EditBreachPage } from './EditBreachPage';
import { ADMIN_ME, breachOf } from './test-fixtures';

const PATH = '/api/v1/privacy/breaches/b1';

describe('EditBreachPage', () => {
  it('completes a breach, sending only what changed and never its discovery time', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ADMIN_ME }),
      answer('GET', PATH, { body: breachOf() }),
      answer('PATCH', PATH, { body: breachOf({ subjectsCount: 57, consequences: null }) }),
    ]);
    const { router } = await renderInApp(
      [
        { path: '/admin/privacy/breaches/:id/edit', element: <EditBreachPage /> },
        { path: '/admin/privacy/breaches/:id', element: <p>chi tiết</p> },
      ],
      { path: '/admin/privacy/breaches/b1/edit' },
    );
    await screen.findByRole('heading', { level: 1, name: 'Bổ sung thông tin sự cố' });
    expect(screen.queryByLabelText('Thời điểm phát hiện')).toBeNull();
    expect(screen.getByText('01/12/2026 08:30')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Thời điểm xảy ra/), { target: { value: '2026-12-01T09:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getAllByText('Sự cố không thể xảy ra sau khi được phát hiện.').length).toBeGreaterThan(0);
    expect(api.callsTo('PATCH', PATH)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/^Thời điểm xảy ra/), { target: { value: '2026-11-30T21:00' } });
    fireEvent.change(screen.getByLabelText(/^Số người bị ảnh hưởng/), { target: { value: '57' } });
    fireEvent.change(screen.getByLabelText(/^Hậu quả có thể xảy ra/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByText('chi tiết')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/privacy/breaches/b1');
    expect(api.callsTo('PATCH', PATH)[0]?.body).toEqual({ subjectsCount: 57, consequences: null });
  });
});

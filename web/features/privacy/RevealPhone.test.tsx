import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { RevealPhone } from './RevealPhone';

const PATH = '/api/v1/teams/t1/members/m1/reveal-phone';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RevealPhone', () => {
  it('asks why before showing the full number, and shows it as a call link', async () => {
    const api = installFakeApi([answer('POST', PATH, { body: { phone: '0911222333' } })]);
    await renderInApp(<RevealPhone masked="09•• ••• 333" name="Lê Văn Tám" path={PATH} />);
    expect(screen.getByText('09•• ••• 333')).toBeTruthy();
    expect(screen.queryByText('0911222333')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Xem số đầy đủ của Lê Văn Tám' }));
    const dialog = await screen.findByRole('dialog', { name: 'Xem số điện thoại đầy đủ' });
    expect(dialog.textContent).toContain('nhật ký truy cập');
    // Without a reason nothing is asked of the server.
    fireEvent.click(screen.getByRole('button', { name: 'Xem số' }));
    expect(await screen.findByText('Hãy ghi lý do (ít nhất 5 ký tự).')).toBeTruthy();
    expect(api.callsTo('POST', PATH)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/Lý do cần xem số/), { target: { value: 'Gọi hẹn lịch hỗ trợ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem số' }));
    const link = await screen.findByRole('link', { name: 'Gọi 0911222333' });
    expect(link.getAttribute('href')).toBe('tel:0911222333');
    expect(api.callsTo('POST', PATH)[0]!.body).toEqual({ reason: 'Gọi hẹn lịch hỗ trợ' });
  });

  it('says why the server refused, in the reader’s language', async () => {
    installFakeApi([
      answer('POST', PATH, {
        status: 403,
        body: { error: { code: 'FORBIDDEN', message: 'You may not do this.', messageVi: 'Bạn không có quyền làm việc này.' } },
      }),
    ]);
    await renderInApp(<RevealPhone masked="09•• ••• 333" name="Lê Văn Tám" path={PATH} />, { language: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Show the full number of Lê Văn Tám' }));
    fireEvent.change(await screen.findByLabelText(/Why you need the number/), { target: { value: 'Arrange a visit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show number' }));
    expect(await screen.findByText('You may not do this.')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });
});

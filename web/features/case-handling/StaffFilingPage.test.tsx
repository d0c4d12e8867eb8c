import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { findPurpose } from '../../../shared/privacy/register';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { StaffFilingPage } from './StaffFilingPage';
import { staffErrors, EMPTY_STAFF_DRAFT } from './staff-form';
import { CATEGORIES, COMMUNE_OFFICER, UNITS } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the staff filing form’s checks', () => {
  it('needs a commune for a report but not for a petition, and consent once a contact is given', () => {
    const draft = { ...EMPTY_STAFF_DRAFT, categoryCode: 'roads', description: 'Đèn đường hỏng cả tuần nay.' };
    expect(staffErrors(draft)).toEqual({ communeCode: 'staff.errors.commune' });
    expect(staffErrors({ ...draft, kind: 'petition' })).toEqual({});
    expect(staffErrors({ ...draft, kind: 'petition', phone: '0912 345 678' })).toEqual({
      consent: 'staff.errors.consent',
    });
    expect(staffErrors({ ...draft, kind: 'petition', phone: '12345', email: 'a@b' })).toEqual({
      phone: 'staff.errors.phone',
      email: 'staff.errors.email',
      consent: 'staff.errors.consent',
    });
  });
});

describe('filing a report for a caller', () => {
  it('lists what is missing, then files the call with its channel and the consent read out', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: COMMUNE_OFFICER }),
      answer('GET', '/api/v1/case-categories', { body: { items: CATEGORIES } }),
      answer('GET', '/api/v1/units', { body: UNITS }),
      answer('POST', '/api/v1/cases/staff', ({ body }) => ({
        status: 201,
        body: {
          id: (body as { id: string }).id,
          code: 'PAKN.20261205.0042',
          status: 'created',
          state: 'submitted',
          acceptDueAt: '2026-12-05T10:00:00.000Z',
        },
      })),
    ]);
    await renderInApp(<StaffFilingPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi nhận phản ánh' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Hãy chọn lĩnh vực.');
    expect(summary.textContent).toContain('Phản ánh hiện trường cần xã, phường nơi xảy ra.');
    expect(api.callsTo('POST', '/api/v1/cases/staff')).toHaveLength(0);

    fireEvent.click(screen.getByLabelText('Trực tiếp'));
    await screen.findByRole('option', { name: 'Đường sá, cầu cống hư hỏng' });
    fireEvent.change(screen.getByLabelText('Lĩnh vực'), { target: { value: 'roads' } });
    fireEvent.change(screen.getByLabelText('Nội dung phản ánh'), {
      target: { value: 'Cống bể trước nhà số 12, nước tràn ra đường.' },
    });
    await screen.findByRole('option', { name: 'Phường Tân Ninh' });
    fireEvent.change(screen.getByLabelText('Xã, phường nơi xảy ra'), { target: { value: '80001' } });
    fireEvent.change(screen.getByLabelText(/Số điện thoại/), { target: { value: '0912345678' } });
    // The consent text appears once a contact is given, to be read to the resident.
    const consent = findPurpose('reports').consent;
    if (consent)
      expect(
        screen.getByText(new RegExp(consent.text.vi.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))),
      ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận phản ánh' }));
    expect(
      await screen.findByText('Cần người dân đồng ý trước khi lưu số điện thoại, e-mail.', { selector: 'a' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Người dân đồng ý cho lưu số điện thoại, e-mail để báo kết quả'));
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận phản ánh' }));
    expect(await screen.findByText(/Đã ghi nhận phản ánh PAKN\.20261205\.0042/)).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/cases/staff')[0]!.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      channel: 'walk_in',
      kind: 'report',
      categoryCode: 'roads',
      title: null,
      description: 'Cống bể trước nhà số 12, nước tràn ra đường.',
      communeCode: '80001',
      addressText: null,
      name: null,
      showName: false,
      phone: '0912345678',
      email: null,
      contactConsentVersion: consent?.version ?? null,
    });
  });
});

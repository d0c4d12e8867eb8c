import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { answer, installFakeApi, renderInApp, type RecordedCall } from '../geography/fake-api';
import { categoryAndUnitRoutes, CODE, TOKEN } from './cases.fixtures';
import { REPORT_CONSENT } from './report-consent';
import {
  currentDraft,
  draftPhotos,
  myReports,
  reportDatabase,
  resetReportDatabaseForTests,
} from './report-store';
import { ReportPage } from './ReportPage';

beforeEach(async () => {
  await resetReportDatabaseForTests();
});

const CREATED = {
  id: '',
  code: CODE,
  status: 'created',
  state: 'submitted',
  acceptDueAt: '2026-12-07T09:00:00.000Z',
  reporterToken: TOKEN,
};

function createAnswer(status: 'created' | 'duplicate' = 'created') {
  return answer('POST', '/api/v1/cases', ({ body }) => ({
    status: status === 'created' ? 201 : 200,
    body: {
      ...CREATED,
      id: (body as { id: string }).id,
      status,
      ...(status === 'duplicate' ? { reporterToken: undefined } : {}),
    },
  }));
}

const next = () => fireEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));

async function fillToContactStep() {
  fireEvent.click(await screen.findByRole('radio', { name: /Đường sá, cầu cống/ }));
  next();
  fireEvent.change(await screen.findByLabelText(/Mô tả việc bạn thấy/), {
    target: { value: 'Ổ gà sâu trước cổng chợ, xe máy dễ ngã.' },
  });
  fireEvent.change(screen.getByLabelText(/Có nguy hiểm cho người đi đường không/), {
    target: { value: 'yes' },
  });
  next();
  fireEvent.click(await screen.findByRole('button', { name: 'Chọn Phường Tân An' }));
  fireEvent.change(screen.getByLabelText(/Địa chỉ, số nhà/), { target: { value: 'Trước cổng chợ' } });
  next();
  await screen.findByRole('heading', { name: 'Bước 4/4: Liên lạc' });
}

describe('the report form', () => {
  it('walks the four steps, checks each before the next, and shows the tracking code', async () => {
    const api = installFakeApi([...categoryAndUnitRoutes(), createAnswer()]);
    await renderInApp(<ReportPage />);
    expect(await screen.findByRole('heading', { name: 'Bước 1/4: Việc gì' })).toBeTruthy();

    // Nothing chosen: the step says so and stays.
    next();
    expect(await screen.findAllByText('Hãy chọn một lĩnh vực.')).not.toHaveLength(0);
    fireEvent.click(await screen.findByRole('radio', { name: /Đường sá, cầu cống/ }));
    next();

    // Too short, the required question unanswered; a phone number typed in the text is warned about.
    expect(await screen.findByRole('heading', { name: 'Bước 2/4: Mô tả' })).toBeTruthy();
    fireEvent.change(await screen.findByLabelText(/Mô tả việc bạn thấy/), { target: { value: 'Ổ gà' } });
    next();
    expect(await screen.findAllByText('Hãy mô tả ít nhất 10 ký tự.')).not.toHaveLength(0);
    expect(screen.getAllByText('Hãy trả lời câu hỏi này.')).not.toHaveLength(0);
    fireEvent.change(screen.getByLabelText(/Mô tả việc bạn thấy/), {
      target: { value: 'Ổ gà sâu trước cổng chợ, gọi tôi 0912 345 678.' },
    });
    expect(screen.getByText(/Có vẻ bạn đã ghi số điện thoại/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Mô tả việc bạn thấy/), {
      target: { value: 'Ổ gà sâu trước cổng chợ, xe máy dễ ngã.' },
    });
    fireEvent.change(screen.getByLabelText(/Có nguy hiểm cho người đi đường không/), {
      target: { value: 'yes' },
    });
    next();

    // A report needs a place.
    expect(await screen.findByRole('heading', { name: 'Bước 3/4: Ở đâu' })).toBeTruthy();
    next();
    expect(await screen.findAllByText('Hãy cho biết vị trí, hoặc chọn xã, phường.')).not.toHaveLength(0);
    fireEvent.click(await screen.findByRole('button', { name: 'Chọn Phường Tân An' }));
    next();

    // A phone without consent is refused; with consent it goes with the register's version.
    expect(await screen.findByRole('heading', { name: 'Bước 4/4: Liên lạc' })).toBeTruthy();
    fireEvent.change(await screen.findByLabelText(/Số điện thoại/), { target: { value: '0912 345 678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect(await screen.findAllByText(/Hãy đồng ý để chúng tôi dùng thông tin liên lạc/)).not.toHaveLength(0);
    expect(api.callsTo('POST', '/api/v1/cases')).toHaveLength(0);
    fireEvent.click(screen.getByLabelText('Tôi đồng ý với nội dung trên'));
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));

    expect(await screen.findByText(CODE)).toBeTruthy();
    const sent = api.callsTo('POST', '/api/v1/cases')[0]!.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      kind: 'report',
      categoryCode: 'roads',
      description: 'Ổ gà sâu trước cổng chợ, xe máy dễ ngã.',
      attributes: { danger: 'yes' },
      communeCode: '25459',
      location: null,
      showName: false,
      phone: '0912 345 678',
      contactConsentVersion: REPORT_CONSENT.version,
    });
    expect(screen.getByRole('link', { name: 'Xem tiến trình xử lý' }).getAttribute('href')).toBe(
      `/reports/${CODE}`,
    );
    expect(
      screen.getByText(new RegExp(`/reports/${CODE.replace(/\./g, '\\.')}\\?token=${TOKEN}`)),
    ).toBeTruthy();
    // Kept on the device, with the token, and the draft is gone.
    const mine = await myReports(reportDatabase());
    expect(mine).toMatchObject([{ code: CODE, token: TOKEN, id: sent.id }]);
    expect(await currentDraft(reportDatabase())).toBeNull();
    expect(
      within(screen.getByRole('region', { name: 'Phản ánh của tôi trên máy này' })).getByText(CODE),
    ).toBeTruthy();
  });

  it('keeps the draft, photos included, through a reload', async () => {
    installFakeApi(categoryAndUnitRoutes());
    const first = await renderInApp(<ReportPage />);
    fireEvent.click(await screen.findByRole('radio', { name: /Khác/ }));
    next();
    fireEvent.change(await screen.findByLabelText(/Mô tả việc bạn thấy/), {
      target: { value: 'Đèn đường hỏng cả tuần nay.' },
    });
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], 'den.jpg', { type: 'image/jpeg' });
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    fireEvent.change(input, { target: { files: [photo] } });
    expect(await screen.findByRole('button', { name: 'Xoá ảnh 1' })).toBeTruthy();
    await waitFor(async () => {
      const saved = await currentDraft(reportDatabase());
      expect(saved?.description).toBe('Đèn đường hỏng cả tuần nay.');
    });
    const draftId = (await currentDraft(reportDatabase()))!.id;
    first.unmount();
    cleanup();

    await renderInApp(<ReportPage />);
    expect(await screen.findByText('Đã mở lại bản nháp bạn đang viết dở.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Bước 2/4: Mô tả' })).toBeTruthy();
    expect(((await screen.findByLabelText(/Mô tả việc bạn thấy/)) as HTMLTextAreaElement).value).toBe(
      'Đèn đường hỏng cả tuần nay.',
    );
    expect(screen.getByRole('button', { name: 'Xoá ảnh 1' })).toBeTruthy();
    expect(await draftPhotos(reportDatabase(), draftId)).toHaveLength(1);
  });

  it('queues the report when offline and sends it, with its photo and the same id, once back online', async () => {
    let online = false;
    const offline = (call: RecordedCall) => {
      if (!online && call.url.pathname === '/api/v1/cases') throw new TypeError('Failed to fetch');
      return undefined;
    };
    const api = installFakeApi([offline, ...categoryAndUnitRoutes(), createAnswer()]);
    await renderInApp(<ReportPage />);
    fireEvent.click(await screen.findByRole('radio', { name: /Đường sá, cầu cống/ }));
    next();
    fireEvent.change(await screen.findByLabelText(/Mô tả việc bạn thấy/), {
      target: { value: 'Ổ gà sâu trước cổng chợ, xe máy dễ ngã.' },
    });
    fireEvent.change(screen.getByLabelText(/Có nguy hiểm cho người đi đường không/), {
      target: { value: 'no' },
    });
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], 'o-ga.jpg', { type: 'image/jpeg' });
    fireEvent.change(document.querySelector<HTMLInputElement>('input[type=file]')!, {
      target: { files: [photo] },
    });
    await screen.findByRole('button', { name: 'Xoá ảnh 1' });
    next();
    fireEvent.click(await screen.findByRole('button', { name: 'Chọn Phường Tân An' }));
    next();
    await screen.findByRole('heading', { name: 'Bước 4/4: Liên lạc' });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));

    expect(await screen.findByText(/Chưa có mạng. Phản ánh đã được lưu trên máy/)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Đang chờ gửi' })).toBeTruthy();
    const attempt = api.callsTo('POST', '/api/v1/cases')[0]!;

    online = true;
    window.dispatchEvent(new Event('online'));
    expect(await screen.findByText(CODE)).toBeTruthy();
    const resent = api.callsTo('POST', '/api/v1/cases');
    expect(resent).toHaveLength(2);
    expect((resent[1]!.body as { id: string }).id).toBe((attempt.body as { id: string }).id);
    // One multipart request: the JSON as `data`, the photo as a `photos` part.
    expect(resent[1]!.form?.getAll('photos')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Đang chờ gửi' })).toBeNull());
  });

  it('turns a refused report back into a draft with the server’s words; a rate limit only waits', async () => {
    let refusal: { status: number; body: unknown } = {
      status: 429,
      body: {
        error: { code: 'RATE_LIMITED', message: 'Too many', messageVi: 'Có nhiều phản ánh vừa được gửi.' },
      },
    };
    installFakeApi([...categoryAndUnitRoutes(), answer('POST', '/api/v1/cases', () => refusal)]);
    await renderInApp(<ReportPage />);
    await fillToContactStep();
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    // A rate limit is worth retrying later: the report waits in the queue.
    expect(await screen.findByText(/Chưa có mạng. Phản ánh đã được lưu trên máy/)).toBeTruthy();

    refusal = {
      status: 400,
      body: {
        error: { code: 'VALIDATION', message: 'Unknown category', messageVi: 'Lĩnh vực này không còn nữa.' },
      },
    };
    fireEvent.click(await screen.findByRole('button', { name: 'Gửi ngay' }));
    // Back as the draft to fix, at the step it was sent from, with the server's words.
    expect(await screen.findByText('Máy chủ chưa nhận phản ánh: Lĩnh vực này không còn nữa.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Bước 4/4: Liên lạc' })).toBeTruthy();
    expect(await currentDraft(reportDatabase())).toMatchObject({ status: 'refused' });
  });
});

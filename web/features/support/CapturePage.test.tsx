import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CACHE_KEYS, writeCached } from '../../offline/offline-cache';
import { getOfflineDatabase } from '../../offline/offline-db';
import { listOutbox } from '../../offline/outbox';
import { renderCapture } from '../../capture/render-capture';
import { answer, installFakeApi } from '../geography/fake-api';
import type { CachedProfile, ServiceOption } from './capture-context';
import type { CaptureChoices, TeamPlace } from './capture-form';

const TEAM_ID = 'team-kp1';
const ME = {
  user: { id: 'user-mai', name: 'Đặng Thị Mai', email: 'mai@demo.congdongso.vn', phone: null, locale: 'vi' },
  grants: [{ role: 'team_member', unitCode: 'hamlet-kp1' }],
  teams: [
    {
      teamId: TEAM_ID,
      teamName: 'Tổ công nghệ số cộng đồng Khu phố 1',
      hamletId: 'hamlet-kp1',
      role: 'member',
    },
  ],
  csrfToken: 'csrf-1',
  actions: ['teams.read', 'support.capture'],
};
const SERVICES: ServiceOption[] = [
  {
    code: 'vneid_level2',
    name: 'Định danh điện tử VNeID mức 2',
    nameEn: 'VNeID level 2',
    skill: 'public_services',
  },
  {
    code: 'payment_vietqr',
    name: 'Thanh toán bằng mã VietQR',
    nameEn: 'VietQR payment',
    skill: 'online_payment',
  },
  { code: 'health_book', name: 'Sổ sức khỏe điện tử', nameEn: 'Health book', skill: 'local_platforms' },
];
const PLACE: TeamPlace = {
  teamId: TEAM_ID,
  teamName: 'Tổ công nghệ số cộng đồng Khu phố 1',
  hamletId: 'hamlet-kp1',
  communeCode: '27712',
  hamlets: [
    { id: 'hamlet-kp1', name: 'Khu phố 1' },
    { id: 'hamlet-kp2', name: 'Khu phố 2' },
  ],
};

function onlineServer() {
  return installFakeApi([
    answer('GET', '/api/v1/me', { body: ME }),
    answer('GET', '/api/v1/services', {
      body: {
        items: SERVICES.map((s, i) => ({
          ...s,
          skillName: '',
          skillNameEn: '',
          description: null,
          status: 'active',
          sortOrder: i,
          actions: [],
        })),
      },
    }),
    answer('GET', `/api/v1/teams/${TEAM_ID}`, {
      body: {
        id: TEAM_ID,
        name: PLACE.teamName,
        level: 'hamlet',
        provinceCode: '80',
        communeCode: '27712',
        communeName: 'Phường Tân Ninh',
        hamletId: 'hamlet-kp1',
        hamletName: 'Khu phố 1',
        schedule: null,
        contactPhone: null,
        memberCount: 0,
        status: 'active',
        mergedIntoId: null,
        members: [],
        actions: [],
      },
    }),
    answer('GET', '/api/v1/units', {
      body: {
        items: PLACE.hamlets.map((h) => ({
          id: h.id,
          code: h.id,
          level: 'hamlet',
          name: h.name,
          fullName: h.name,
          type: 'Khu phố',
          kind: 'khu_pho',
          localCode: null,
          communeCode: '27712',
          provinceCode: '80',
          status: 'active',
          validFrom: '2025-07-01T00:00:00.000Z',
          validTo: null,
          actions: [],
        })),
        nextCursor: null,
      },
    }),
    answer('POST', '/api/v1/sync', {
      status: 503,
      body: { error: { code: 'UNAVAILABLE', message: 'down' } },
    }),
  ]);
}

async function clearDevice() {
  const db = getOfflineDatabase();
  await Promise.all([db.outbox.clear(), db.sent.clear(), db.cache.clear()]);
}

function servicesGroup() {
  return screen.getByRole('group', { name: 'Đã hỗ trợ những gì?' });
}

/** What the last online visit saved on the device, and a server that cannot be reached. */
async function savedOnDeviceServerUnreachable() {
  const db = getOfflineDatabase();
  await writeCached<CachedProfile>(db, CACHE_KEYS.profile, {
    userId: ME.user.id,
    name: ME.user.name,
    teams: ME.teams as CachedProfile['teams'],
  });
  await writeCached(db, CACHE_KEYS.services, SERVICES);
  await writeCached(db, CACHE_KEYS.teamPlace(TEAM_ID), PLACE);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }),
  );
  return db;
}

describe('CapturePage', () => {
  beforeEach(clearDevice);
  afterEach(() => vi.unstubAllGlobals());

  it('starts from the member’s team, its hamlet and the services used last time', async () => {
    await writeCached<CaptureChoices>(getOfflineDatabase(), CACHE_KEYS.choices(ME.user.id), {
      teamId: TEAM_ID,
      hamletByTeam: {},
      services: ['payment_vietqr'],
    });
    onlineServer();
    renderCapture('/capture');

    await screen.findByRole('button', { name: 'Lưu lượt hỗ trợ' });
    expect(screen.getByText('Tổ công nghệ số cộng đồng Khu phố 1')).toBeTruthy();
    expect((screen.getByLabelText('Ấp, khu phố của người được hỗ trợ') as HTMLSelectElement).value).toBe(
      'hamlet-kp1',
    );
    expect(screen.getByText('Bây giờ')).toBeTruthy();
    const group = servicesGroup();
    expect((within(group).getByLabelText('Thanh toán bằng mã VietQR') as HTMLInputElement).checked).toBe(
      true,
    );
    expect((within(group).getByLabelText('Định danh điện tử VNeID mức 2') as HTMLInputElement).checked).toBe(
      false,
    );
    expect((screen.getByRole('radio', { name: 'Đã xong' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('radio', { checked: true })).toHaveLength(1);
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false);
  });

  it('saves to the device outbox, then offers the same defaults for the next citizen', async () => {
    onlineServer();
    renderCapture('/capture');
    await screen.findByRole('button', { name: 'Lưu lượt hỗ trợ' });

    fireEvent.click(screen.getByRole('button', { name: 'Lưu lượt hỗ trợ' }));
    expect(await screen.findByText('Chọn ít nhất một nội dung hỗ trợ.', { selector: 'a' })).toBeTruthy();
    expect(await listOutbox(getOfflineDatabase(), ME.user.id)).toEqual([]);

    fireEvent.click(within(servicesGroup()).getByLabelText('Sổ sức khỏe điện tử'));
    fireEvent.change(screen.getByLabelText('Ấp, khu phố của người được hỗ trợ'), {
      target: { value: 'hamlet-kp2' },
    });
    fireEvent.click(screen.getByRole('radio', { name: '40 – 59' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Nam' }));
    fireEvent.click(screen.getByRole('switch'));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu lượt hỗ trợ' }));

    await screen.findByText('Đã lưu lượt hỗ trợ. Bạn có thể ghi lượt tiếp theo.');
    const saved = await listOutbox(getOfflineDatabase(), ME.user.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.record).toMatchObject({
      teamId: TEAM_ID,
      hamletId: 'hamlet-kp2',
      services: ['health_book'],
      outcome: 'done',
      person: { ageBand: '40_59', gender: 'male' },
      consent: true,
    });
    expect(await screen.findByText('Chờ đồng bộ: 1 lượt')).toBeTruthy();
    expect((within(servicesGroup()).getByLabelText('Sổ sức khỏe điện tử') as HTMLInputElement).checked).toBe(
      true,
    );
    expect((screen.getByLabelText('Ấp, khu phố của người được hỗ trợ') as HTMLSelectElement).value).toBe(
      'hamlet-kp2',
    );
    expect((screen.getByRole('radio', { name: '40 – 59' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false);
  });

  it('opens with no connection from what the device saved on the last online visit', async () => {
    await savedOnDeviceServerUnreachable();
    renderCapture('/capture');

    await screen.findByRole('button', { name: 'Lưu lượt hỗ trợ' });
    expect(
      screen.getByText('Không có mạng: đang dùng danh sách tổ và dịch vụ đã lưu trên máy.'),
    ).toBeTruthy();
    expect((screen.getByLabelText('Ấp, khu phố của người được hỗ trợ') as HTMLSelectElement).value).toBe(
      'hamlet-kp1',
    );
    expect(within(servicesGroup()).getAllByRole('checkbox')).toHaveLength(3);
  });

  it('shows one notice, not two alike, when the phone has no connection', async () => {
    await savedOnDeviceServerUnreachable();
    const onLine = vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      renderCapture('/capture');
      window.dispatchEvent(new Event('offline'));
      await screen.findByRole('button', { name: 'Lưu lượt hỗ trợ' });
      expect(await screen.findAllByText(/không có mạng/i)).toHaveLength(1);
      expect(
        screen.getByText('Đang không có mạng. Lượt hỗ trợ được lưu trên máy và tự gửi khi có mạng trở lại.'),
      ).toBeTruthy();
    } finally {
      onLine.mockRestore();
      window.dispatchEvent(new Event('online'));
    }
  });

  it('warns about a phone number in the note and saves offline once the member confirms', async () => {
    const db = await savedOnDeviceServerUnreachable();
    renderCapture('/capture');
    const save = await screen.findByRole('button', { name: 'Lưu lượt hỗ trợ' });
    fireEvent.click(within(servicesGroup()).getByLabelText('Định danh điện tử VNeID mức 2'));
    fireEvent.click(screen.getByRole('radio', { name: 'Từ 60 trở lên' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Nữ' }));
    fireEvent.click(screen.getByRole('switch'));

    const note = screen.getByLabelText(/^Ghi chú/);
    fireEvent.change(note, { target: { value: 'Hẹn 05/12/2026 lúc 14:30, mất 45 phút' } });
    expect(screen.queryByText(/Ghi chú có vẻ có/)).toBeNull();
    expect(note.getAttribute('aria-describedby')).toBe('capture-note-hint');

    fireEvent.change(note, { target: { value: 'Con gái bác: 0912.345.678' } });
    const warning = screen.getByText('Ghi chú có vẻ có số điện thoại').closest('.alert');
    expect(warning?.id).toBe('capture-note-warning');
    expect(warning?.textContent).toContain(
      'Không bao giờ xin ảnh chụp căn cước hay tên đăng nhập, mật khẩu VNeID',
    );
    expect(note.getAttribute('aria-describedby')?.split(' ')).toContain('capture-note-warning');

    fireEvent.click(save);
    const summaryLink = await screen.findByText(/Ghi chú có thông tin cá nhân/, { selector: 'a' });
    expect(summaryLink.getAttribute('href')).toBe('#capture-note-confirm');
    expect(await listOutbox(db, ME.user.id)).toEqual([]);

    fireEvent.click(screen.getByLabelText('Tôi đã xem lại, vẫn lưu ghi chú này'));
    fireEvent.click(save);
    await screen.findByText('Đã lưu lượt hỗ trợ. Bạn có thể ghi lượt tiếp theo.');
    const saved = await listOutbox(db, ME.user.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.record).toMatchObject({ note: 'Con gái bác: 0912.345.678', consent: true });
    expect(saved[0]!.record).not.toHaveProperty('noteKindsConfirmed');
    expect(screen.queryByText(/Ghi chú có vẻ có/)).toBeNull();
  });

  it('asks for one online visit when the device has nothing saved and the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    renderCapture('/capture');
    expect(await screen.findByText(/Cần mở trang này một lần khi có mạng/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Lưu lượt hỗ trợ' })).toBeNull());
  });
});

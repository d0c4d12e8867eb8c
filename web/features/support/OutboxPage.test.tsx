import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { getOfflineDatabase } from '../../offline/offline-db';
import { CACHE_KEYS, writeCached } from '../../offline/offline-cache';
import { addToOutbox, applySyncResults, listOutbox } from '../../offline/outbox';
import { buildRecord } from '../../offline/support-record.fixtures';
import { renderCapture } from '../../capture/render-capture';
import { answer, installFakeApi } from '../geography/fake-api';
import type { TeamPlace } from './capture-form';

const USER_ID = 'user-mai';
const ME = {
  user: { id: USER_ID, name: 'Đặng Thị Mai', email: 'mai@demo.congdongso.vn', phone: null, locale: 'vi' },
  grants: [],
  teams: [{ teamId: 'team-1', teamName: 'Tổ Khu phố 1', hamletId: 'hamlet-1', role: 'member' }],
  csrfToken: 'csrf-1',
  actions: ['support.capture'],
};
const PLACE: TeamPlace = {
  teamId: 'team-1',
  teamName: 'Tổ Khu phố 1',
  hamletId: 'hamlet-1',
  communeCode: '27712',
  hamlets: [{ id: 'hamlet-1', name: 'Khu phố 1' }],
};

/** A server that cannot be reached for anything but /me: the pages must work from the device alone. */
function serverWithSessionOnly() {
  return installFakeApi([
    answer('GET', '/api/v1/me', { body: ME }),
    answer('POST', '/api/v1/sync', {
      status: 503,
      body: { error: { code: 'UNAVAILABLE', message: 'down' } },
    }),
    answer('GET', '/api/v1/services', {
      status: 503,
      body: { error: { code: 'UNAVAILABLE', message: 'down' } },
    }),
  ]);
}

async function seedOutbox() {
  const db = getOfflineDatabase();
  await Promise.all([db.outbox.clear(), db.sent.clear(), db.cache.clear()]);
  await writeCached(db, CACHE_KEYS.services, [
    {
      code: 'vneid_level2',
      name: 'Định danh điện tử VNeID mức 2',
      nameEn: 'VNeID level 2',
      skill: 'public_services',
    },
    { code: 'health_book', name: 'Sổ sức khỏe điện tử', nameEn: 'Health book', skill: 'local_platforms' },
  ]);
  await writeCached(db, CACHE_KEYS.teamPlace('team-1'), PLACE);
  await writeCached(db, CACHE_KEYS.profile, { userId: USER_ID, name: ME.user.name, teams: ME.teams });
  const waiting = buildRecord({ teamId: 'team-1', hamletId: 'hamlet-1', services: ['health_book'] });
  const refused = buildRecord({
    teamId: 'team-1',
    hamletId: 'hamlet-1',
    services: ['vneid_level2'],
    note: 'cũ',
  });
  await addToOutbox(db, USER_ID, waiting, '2026-11-28T01:00:00.000Z');
  await addToOutbox(db, USER_ID, refused, '2026-11-28T01:00:01.000Z');
  await applySyncResults(db, [
    {
      id: refused.id,
      status: 'invalid',
      errors: [
        { path: 'occurredAt', message: 'More than 90 days ago.', messageVi: 'Thời gian đã quá 90 ngày.' },
      ],
    },
  ]);
  return { waiting, refused };
}

describe('OutboxPage', () => {
  beforeEach(() => serverWithSessionOnly());
  afterEach(() => vi.unstubAllGlobals());

  it('lists waiting and refused records in words, with the server’s reason and what to do', async () => {
    const { refused } = await seedOutbox();
    renderCapture('/capture#outbox');

    expect(await screen.findByText('Chờ đồng bộ: 1 lượt')).toBeTruthy();
    expect(screen.getByText('Bị từ chối, cần sửa: 1 lượt', { exact: false })).toBeTruthy();
    expect(await screen.findByText('Thời gian đã quá 90 ngày.')).toBeTruthy();
    expect((await screen.findAllByText('Sổ sức khỏe điện tử')).length).toBeGreaterThan(0);
    const edit = screen.getByRole('link', { name: 'Sửa và gửi lại' });
    expect(edit.getAttribute('href')).toBe(`/capture#edit=${refused.id}`);
  });

  it('discards a refused record only after the member confirms', async () => {
    const { waiting } = await seedOutbox();
    renderCapture('/capture#outbox');
    fireEvent.click(await screen.findByRole('button', { name: 'Bỏ lượt này' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Không, giữ lại' }));
    expect(await listOutbox(getOfflineDatabase(), USER_ID)).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Bỏ lượt này' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Bỏ lượt này' }));
    await waitFor(async () =>
      expect((await listOutbox(getOfflineDatabase(), USER_ID)).map((e) => e.id)).toEqual([waiting.id]),
    );
  });

  it('resends a fixed record under a new id and drops the refused one', async () => {
    const { refused, waiting } = await seedOutbox();
    renderCapture(`/capture#edit=${refused.id}`);

    expect(await screen.findByText('Thời gian đã quá 90 ngày.')).toBeTruthy();
    const group = screen.getByRole('group', { name: 'Đã hỗ trợ những gì?' });
    expect((within(group).getByLabelText('Định danh điện tử VNeID mức 2') as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dùng giờ hiện tại' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu lượt hỗ trợ' }));

    await waitFor(async () => {
      const left = await listOutbox(getOfflineDatabase(), USER_ID);
      expect(left).toHaveLength(2);
      expect(left.map((e) => e.id)).not.toContain(refused.id);
    });
    const fixed = (await listOutbox(getOfflineDatabase(), USER_ID)).find((e) => e.id !== waiting.id)!;
    expect(fixed).toMatchObject({ state: 'waiting', record: { services: ['vneid_level2'], note: 'cũ' } });
  });
});

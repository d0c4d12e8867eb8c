import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { useLocation } from 'react-router';
import { readFlash } from '../../../app/flash';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { InvitationPage } from './InvitationPage';

const TOKEN = 'inv_9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c';
const USER = {
  id: 'u1',
  name: 'Trần Văn Minh',
  email: 'minh@example.vn',
  phone: null,
  locale: 'vi' as const,
};
const ME = {
  user: USER,
  grants: [{ role: 'team_member', unitCode: '27712', unitName: 'Ấp Tân Hòa' }],
  teams: [],
  csrfToken: 'csrf-2',
  actions: ['support.capture'],
};

/** Where the invitation lands: the role home, with the welcome handed over as a flash message. */
function RoleHomeStandIn() {
  const location = useLocation();
  return <p>{`${location.pathname} ${readFlash(location.state)?.messageKey ?? ''}`}</p>;
}

describe('InvitationPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('accepts the invitation, reads the new session and lands on the role home signed in', async () => {
    let signedIn = false;
    const api = installFakeApi([
      answer('GET', '/api/v1/me', () =>
        signedIn
          ? { body: ME }
          : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Not signed in.' } } },
      ),
      answer('GET', `/api/v1/invitations/${TOKEN}`, {
        body: {
          name: 'Trần Văn Minh',
          email: 'minh@example.vn',
          phoneMasked: null,
          role: 'team_member',
          unitCode: '27712',
          unitName: 'Phường Long An',
          expiresAt: '2026-12-12T00:00:00.000Z',
        },
      }),
      answer('POST', `/api/v1/invitations/${TOKEN}/accept`, () => {
        signedIn = true;
        return { body: { user: USER, csrfToken: 'csrf-2' } };
      }),
    ]);
    await renderInApp(
      [
        { path: '/invitations/:token', element: <InvitationPage /> },
        { path: '/home', element: <RoleHomeStandIn /> },
        { path: '/', element: <p>Trang chủ công khai</p> },
      ],
      { path: `/invitations/${TOKEN}` },
    );

    fireEvent.change(await screen.findByLabelText('Mật khẩu'), { target: { value: 'mot-mat-khau-dai' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nhận lời mời' }));

    expect(await screen.findByText('/home accounts:flash.invitationAccepted')).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/invitations/${TOKEN}/accept`)[0]?.body).toEqual({
      name: 'Trần Văn Minh',
      password: 'mot-mat-khau-dai',
    });
    // The session is read again after accepting, so the role home opens signed in.
    expect(api.callsTo('GET', '/api/v1/me').length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByText('Trang chủ công khai')).toBeNull();
  });
});

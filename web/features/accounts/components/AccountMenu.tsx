import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { MeResponse } from '../../../../shared/contracts/accounts';
import { Icon } from '../../../ui';
import { errorMessage } from '../../../app/errors';
import { flashState } from '../../../app/flash';
import { SIGN_IN_PATH, useSession } from '../../../app/session';

/** A disclosure with the signed-in person's name: profile, notifications and sign out. */
export function AccountMenu({ me }: { me: MeResponse }) {
  const { t, i18n } = useTranslation('accounts');
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const handleSignOut = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await signOut();
      navigate(SIGN_IN_PATH, { state: flashState('success', 'accounts:flash.signedOut') });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="account-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLButtonElement>('.account-menu__toggle')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="account-menu__toggle"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={t('menu.label', { name: me.user.name })}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="user" />
        <span className="account-menu__name" aria-hidden="true">
          {me.user.name}
        </span>
        <Icon name="chevronDown" />
      </button>
      {open && (
        <ul className="account-menu__list" id={listId}>
          <li>
            <Link to="/profile">{t('menu.profile')}</Link>
          </li>
          <li>
            <Link to="/notifications">{t('menu.notifications')}</Link>
          </li>
          <li>
            <button
              type="button"
              onClick={() => void handleSignOut()}
              aria-busy={busy || undefined}
              disabled={busy}
            >
              {t('menu.signOut')}
            </button>
          </li>
          {failure !== null && (
            <li role="alert" className="account-menu__error">
              {errorMessage(failure, i18n.language, t('app:errors.unexpected'))}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Dialog, Icon } from '../../ui';
import { AccountArea } from './AccountArea';
import { LanguageSwitch } from './LanguageSwitch';
import { namespacesOfItems } from '../feature-collection';
import type { StaffNav } from './nav-model';
import { NavGroups } from './NavLinks';

/**
 * Below 900 px: the person's main destinations in a bar at the bottom of the screen, within reach of a thumb, and
 * "More" opening a modal sheet (the design system's dialog: focus kept inside, Esc closes, focus returns to "More")
 * with every other destination by section, the language switch and the account menu.
 */
export function BottomBar({ nav }: { nav: StaffNav }) {
  const { t } = useTranslation(['app', ...namespacesOfItems(nav.bottom)]);
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <nav className="bottom-bar" aria-label={t('nav.bottomLabel')}>
        <ul className="bottom-bar__list">
          {nav.bottom.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end reloadDocument={item.reloadDocument} className="bottom-bar__item">
                {t(item.labelKey)}
              </NavLink>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="bottom-bar__item"
              aria-haspopup="dialog"
              aria-expanded={open}
              onClick={() => setOpen(true)}
            >
              <Icon name="menu" />
              <span>{t('nav.more')}</span>
            </button>
          </li>
        </ul>
      </nav>
      <Dialog open={open} onClose={close} title={t('nav.moreTitle')}>
        <nav className="more-sheet" aria-label={t('nav.moreTitle')}>
          <NavGroups groups={nav.more} idPrefix="more-sheet" onNavigate={close} />
        </nav>
        <section className="more-sheet__tools" aria-label={t('nav.accountTools')}>
          <LanguageSwitch />
          <AccountArea />
        </section>
      </Dialog>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { StaffNav } from './nav-model';
import { NavGroups } from './NavLinks';

/** From 900 px: the signed-in navigation down the left side, grouped by task. */
export function SideNav({ nav }: { nav: StaffNav }) {
  const { t } = useTranslation('app');
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <NavGroups groups={nav.groups} idPrefix="side-nav" />
    </nav>
  );
}

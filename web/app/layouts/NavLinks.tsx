import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { namespacesOfItems, type NavItem } from '../feature-collection';
import type { NavGroup } from './nav-model';

/** A list of nav links (the capture page is its own document: its link loads it). */
export function NavList({
  items,
  labelledBy,
  className = 'nav-list',
  onNavigate,
}: {
  items: readonly NavItem[];
  labelledBy?: string;
  className?: string;
  onNavigate?: () => void;
}) {
  // The labels are in the items' features' namespaces: this waits (Suspense) until they are loaded.
  const { t } = useTranslation(['app', ...namespacesOfItems(items)]);
  return (
    <ul className={className} aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end reloadDocument={item.reloadDocument} onClick={onNavigate}>
            {t(item.labelKey)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** The groups of a navigation, each under its section's name (the home link stands alone at the top). */
export function NavGroups({
  groups,
  idPrefix,
  onNavigate,
}: {
  groups: readonly NavGroup[];
  idPrefix: string;
  onNavigate?: () => void;
}) {
  const { t } = useTranslation('app');
  return (
    <>
      {groups.map((group) => {
        if (group.section === 'home') {
          return <NavList key={group.section} items={group.items} onNavigate={onNavigate} />;
        }
        const labelId = `${idPrefix}-${group.section}`;
        return (
          <div key={group.section} className="nav-group">
            <p className="nav-group-label" id={labelId}>
              {t(`nav.sections.${group.section}`)}
            </p>
            <NavList items={group.items} labelledBy={labelId} onNavigate={onNavigate} />
          </div>
        );
      })}
    </>
  );
}

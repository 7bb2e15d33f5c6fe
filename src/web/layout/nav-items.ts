import type { Role } from '../../permissions.ts';

export interface NavItem {
  href: string;
  label: string;
  /** Roles that see the item (the pages refuse the others anyway). */
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ['admin', 'marketer', 'auditor', 'viewer'];

/** The main navigation, in order; each area adds its entry here when its pages exist. */
export const NAV_ITEMS: readonly NavItem[] = [{ href: '/', label: 'Overview', roles: EVERYONE }];

export const navFor = (role: Role): NavItem[] => NAV_ITEMS.filter((item) => item.roles.includes(role));

/** The item a path belongs to: `/` only for itself, other items for their sub-paths too. */
export const isCurrent = (item: NavItem, path: string): boolean =>
  item.href === '/' ? path === '/' : path === item.href || path.startsWith(`${item.href}/`);

import { can, type Permission, type Role } from '../../permissions.ts';

export interface NavItem {
  href: string;
  label: string;
  /** What a role needs to see the item (the page refuses the others anyway); none: everyone signed in. */
  permission?: Permission;
}

/** The main navigation, in order; each area adds its entry here when its pages exist. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview' },
  { href: '/comparison', label: 'Comparison', permission: 'offers.read' },
  { href: '/products', label: 'Products', permission: 'offers.read' },
  { href: '/changes', label: 'Changes', permission: 'offers.read' },
  { href: '/targets', label: 'Targets', permission: 'offers.read' },
  { href: '/alerts', label: 'Alerts', permission: 'offers.read' },
  { href: '/admin/users', label: 'Users', permission: 'people.manage' },
];

export const navFor = (role: Role): NavItem[] => NAV_ITEMS.filter((item) => !item.permission || can(role, item.permission));

/** The item a path belongs to: `/` only for itself, other items for their sub-paths too. */
export const isCurrent = (item: NavItem, path: string): boolean =>
  item.href === '/' ? path === '/' : path === item.href || path.startsWith(`${item.href}/`);

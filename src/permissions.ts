/** Who may do what: the one list of roles and of the roles each action needs, for the API and the pages. */
export const ROLES = ['admin', 'marketer', 'auditor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Businesses, products, targets, their runs, snapshots, changes, comparisons, alert rules and deliveries, reports. */
  'offers.read': ['admin', 'marketer', 'viewer'],
  /** Create, change and delete businesses, products, targets and alert rules; run a target now. */
  'offers.write': ['admin', 'marketer'],
  'templates.read': ['admin', 'marketer', 'auditor', 'viewer'],
  'templates.write': ['admin', 'marketer'],
  /** Which visits each role sees is narrowed further by src/visits/visit-access.ts. */
  'visits.read': ['admin', 'marketer', 'auditor', 'viewer'],
  /** Assign, reassign, review and export visits. */
  'visits.manage': ['admin', 'marketer'],
  /** Fill answers and attach evidence (auditors only on their own visits). */
  'visits.fill': ['admin', 'marketer', 'auditor'],
  'tokens.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const rolesFor = (permission: Permission): readonly Role[] => PERMISSIONS[permission];

export const can = (role: Role, permission: Permission): boolean => rolesFor(permission).includes(role);

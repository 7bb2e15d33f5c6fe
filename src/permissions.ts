/** Who may do what: the one list of roles and of the roles each action needs, for the API and the pages. */
export const ROLES = ['admin', 'marketer', 'auditor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Businesses, products, targets, their runs, snapshots, history and changes, comparisons, alert rules and deliveries. */
  'offers.read': ['admin', 'marketer', 'viewer'],
  /** Create, change and delete businesses, products, targets and alert rules; run a target now. */
  'offers.write': ['admin', 'marketer'],
  /** Everyone reads templates: auditors fill them, viewers read the reports built on them. */
  'templates.read': ['admin', 'marketer', 'auditor', 'viewer'],
  'templates.write': ['admin', 'marketer'],
  /** Which visits each role sees is narrowed further by src/visits/visit-access.ts. */
  'visits.read': ['admin', 'marketer', 'auditor', 'viewer'],
  'visits.assign': ['admin', 'marketer'],
  /** Save answers, attach evidence and move visits through the workflow; audits/workflow.ts decides which role
   * may take which step in which state, src/visits/visit-access.ts limits auditors to their own visits. */
  'visits.work': ['admin', 'marketer', 'auditor'],
  /** Own-vs-competitor touchpoint reports from published visits. */
  'reports.read': ['admin', 'marketer', 'viewer'],
  'tokens.manage': ['admin'],
  /** Invite people, hand out password links, disable people. */
  'people.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The roles granted `P`. */
type RoleWith<P extends Permission> = (typeof PERMISSIONS)[P][number];

export const rolesFor = (permission: Permission): readonly Role[] => PERMISSIONS[permission];

export const can = <P extends Permission>(role: Role, permission: P): role is RoleWith<P> => rolesFor(permission).includes(role);

export const VISIT_STATES = [
  'assigned',
  'draft',
  'submitted',
  'in_review',
  'returned',
  'approved',
  'published',
  'rejected',
  'excluded',
  'disputed',
  'amended',
  'upheld',
] as const;
export type VisitState = (typeof VISIT_STATES)[number];

export const ROLES = ['auditor', 'marketer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const auditor: readonly Role[] = ['auditor'];
/** Reviewers are the client side: they review, publish, and also raise and resolve disputes. */
const reviewer: readonly Role[] = ['marketer', 'admin'];

export interface TransitionRule {
  from: VisitState;
  to: VisitState;
  action: string;
  roles: readonly Role[];
  /** The actor must say why (the reviewer note on a return, the reason for a dispute …). */
  noteRequired: boolean;
}

const rule = (from: VisitState, to: VisitState, action: string, roles: readonly Role[], noteRequired = false): TransitionRule => ({
  from,
  to,
  action,
  roles,
  noteRequired,
});

/** Every allowed transition; anything not listed is forbidden. */
export const TRANSITIONS: readonly TransitionRule[] = [
  rule('assigned', 'draft', 'start', auditor),
  rule('draft', 'submitted', 'submit', auditor),
  rule('returned', 'submitted', 'resubmit', auditor),
  rule('submitted', 'in_review', 'review', reviewer),
  rule('in_review', 'returned', 'return', reviewer, true),
  rule('in_review', 'approved', 'approve', reviewer),
  rule('in_review', 'rejected', 'reject', reviewer, true),
  rule('in_review', 'excluded', 'exclude', reviewer, true),
  rule('approved', 'published', 'publish', reviewer),
  rule('approved', 'excluded', 'exclude', reviewer, true),
  rule('published', 'excluded', 'exclude', reviewer, true),
  rule('published', 'disputed', 'dispute', reviewer, true),
  rule('disputed', 'amended', 'amend', reviewer, true),
  rule('disputed', 'upheld', 'uphold', reviewer, true),
];

/** Visits that count in reports: published, also while disputed and after the dispute is resolved. */
export const REPORTED_STATES: readonly VisitState[] = ['published', 'disputed', 'amended', 'upheld'];

/** Who may change a visit's answers in which state (an auditor only their own visits — checked by the caller). */
const ANSWER_EDITORS: Partial<Record<VisitState, readonly Role[]>> = {
  draft: auditor,
  returned: auditor,
  in_review: reviewer,
  disputed: reviewer,
};

export function canEditAnswers(state: VisitState, role: Role): boolean {
  return ANSWER_EDITORS[state]?.includes(role) ?? false;
}

/** The states `role` may move a visit to from `from`. */
export function allowedTransitions(from: VisitState, role: Role): VisitState[] {
  return TRANSITIONS.filter((t) => t.from === from && t.roles.includes(role)).map((t) => t.to);
}

/** `invalid_transition`: no such transition (409); `forbidden`: exists, not for this role (403);
 * `note_required`: the transition needs a note (422). `allowed` lists what this role may do instead. */
export class TransitionError extends Error {
  constructor(
    readonly code: 'invalid_transition' | 'forbidden' | 'note_required',
    readonly from: VisitState,
    readonly to: VisitState,
    readonly role: Role,
    readonly allowed: VisitState[],
  ) {
    const instead = allowed.length ? `allowed from "${from}" for ${role}: ${allowed.join(', ')}` : `${role} cannot move a visit from "${from}"`;
    const what = {
      invalid_transition: `a visit cannot move from "${from}" to "${to}"`,
      forbidden: `${role} may not move a visit from "${from}" to "${to}"`,
      note_required: `moving a visit from "${from}" to "${to}" needs a note`,
    }[code];
    super(`${what}; ${instead}`);
    this.name = 'TransitionError';
  }
}

/** Checks one step of the visit workflow and returns the next state, or throws TransitionError. */
export function transition(from: VisitState, to: VisitState, role: Role, note?: string): VisitState {
  const found = TRANSITIONS.find((t) => t.from === from && t.to === to);
  const allowed = allowedTransitions(from, role);
  if (!found) throw new TransitionError('invalid_transition', from, to, role, allowed);
  if (!found.roles.includes(role)) throw new TransitionError('forbidden', from, to, role, allowed);
  if (found.noteRequired && !note?.trim()) throw new TransitionError('note_required', from, to, role, allowed);
  return found.to;
}

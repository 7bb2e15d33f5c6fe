import { describe, expect, it } from 'vitest';
import { ROLES, VISIT_STATES, TransitionError, allowedTransitions, canEditAnswers, transition, type Role, type VisitState } from '../../audits/workflow.ts';

const A = 'auditor';
const R = 'marketer,admin';
/** The workflow of issue 6, written out by hand: from>to, roles, note required. */
const expected: [string, string, boolean][] = [
  ['assigned>draft', A, false],
  ['draft>submitted', A, false],
  ['returned>submitted', A, false],
  ['submitted>in_review', R, false],
  ['in_review>returned', R, true],
  ['in_review>approved', R, false],
  ['in_review>rejected', R, true],
  ['in_review>excluded', R, true],
  ['approved>published', R, false],
  ['approved>excluded', R, true],
  ['published>excluded', R, true],
  ['published>disputed', R, true],
  ['disputed>amended', R, true],
  ['disputed>upheld', R, true],
];
const table = new Map(expected.map(([edge, roles, note]) => [edge, { roles: roles.split(','), note }]));

function outcome(from: VisitState, to: VisitState, role: Role, note?: string): string {
  try {
    return transition(from, to, role, note);
  } catch (err) {
    if (err instanceof TransitionError) return err.code;
    throw err;
  }
}

describe('visit workflow', () => {
  for (const from of VISIT_STATES) {
    for (const to of VISIT_STATES) {
      const edge = table.get(`${from}>${to}`);
      for (const role of ROLES) {
        const allowed = edge?.roles.includes(role) ?? false;
        it(`${from} → ${to} by ${role}: ${allowed ? 'allowed' : edge ? 'forbidden' : 'invalid'}`, () => {
          if (!edge) expect(outcome(from, to, role, 'why')).toBe('invalid_transition');
          else if (!allowed) expect(outcome(from, to, role, 'why')).toBe('forbidden');
          else {
            expect(outcome(from, to, role, 'why')).toBe(to);
            expect(outcome(from, to, role)).toBe(edge.note ? 'note_required' : to);
            expect(outcome(from, to, role, '  ')).toBe(edge.note ? 'note_required' : to);
          }
        });
      }
    }
  }

  it('lists the allowed next states per role in the error', () => {
    const err = (() => {
      try {
        transition('in_review', 'published', 'admin');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TransitionError);
    expect(err).toMatchObject({ code: 'invalid_transition', from: 'in_review', to: 'published', role: 'admin', allowed: ['returned', 'approved', 'rejected', 'excluded'] });
    expect((err as Error).message).toBe('a visit cannot move from "in_review" to "published"; allowed from "in_review" for admin: returned, approved, rejected, excluded');
    expect(() => transition('submitted', 'in_review', 'auditor')).toThrow('auditor may not move a visit from "submitted" to "in_review"; auditor cannot move a visit from "submitted"');
  });

  it('has terminal states with no way out', () => {
    for (const state of ['rejected', 'excluded', 'amended', 'upheld'] as const) {
      for (const role of ROLES) expect(allowedTransitions(state, role)).toEqual([]);
    }
    expect(allowedTransitions('published', 'marketer')).toEqual(['excluded', 'disputed']);
    expect(allowedTransitions('returned', 'auditor')).toEqual(['submitted']);
  });

  it('lets auditors edit answers only in draft and returned, reviewers in review and dispute', () => {
    const editable = (role: Role) => VISIT_STATES.filter((s) => canEditAnswers(s, role));
    expect(editable('auditor')).toEqual(['draft', 'returned']);
    expect(editable('marketer')).toEqual(['in_review', 'disputed']);
    expect(editable('admin')).toEqual(['in_review', 'disputed']);
  });
});

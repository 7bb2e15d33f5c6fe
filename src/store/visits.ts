import type { Answers } from '../../audits/answers-schema.ts';
import type { VisitScore } from '../../audits/scoring.ts';
import type { VisitState } from '../../audits/workflow.ts';
import type { Page, PageRequest } from './paging.ts';
import type { VisitEvidenceStore } from './visit-evidence.ts';

export interface Visit {
  id: number;
  templateVersionId: number;
  templateKey: string;
  templateVersion: number;
  touchpoint: string;
  businessId: number;
  businessName: string;
  own: boolean;
  location: string | null;
  auditorId: number;
  auditor: string;
  scenario: string | null;
  dueDate: string | null;
  state: VisitState;
  answers: Answers;
  visitedAt: string | null;
  score: VisitScore | null;
  scoredAnswers: Answers | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

export interface VisitInput {
  templateVersionId: number;
  businessId: number;
  location: string | null;
  auditorId: number;
  scenario: string | null;
  dueDate: string | null;
}

export type VisitAssignment = Pick<VisitInput, 'auditorId' | 'location' | 'scenario' | 'dueDate'>;

export interface VisitQuery {
  /** Only visits in one of these states (none for an empty list). */
  states?: readonly VisitState[];
  auditorId?: number;
  businessId?: number;
  templateKey?: string;
  touchpoint?: string;
  /** Inclusive dates (YYYY-MM-DD) on visitedAt. */
  from?: string;
  to?: string;
}

export interface VisitFilter extends VisitQuery, PageRequest {}

export interface TransitionRecord {
  id: number;
  from: VisitState | null;
  to: VisitState;
  by: string | null;
  note: string | null;
  at: string;
}

/** One entry of a visit's audit trail; `from` is null for the assignment. */
export interface TransitionEntry {
  from: VisitState | null;
  to: VisitState;
  userId: number;
  note: string | null;
}

/** What a state change writes besides the state; undefined fields stay as they are (visitedAt once set too). */
export interface StateChange {
  answers?: Answers;
  score?: VisitScore;
  scoredAnswers?: Answers;
  visitedAt?: string;
}

/**
 * Filled scorecards: a template version and a business given to an auditor, the answers so far, the stored score,
 * the workflow trail and the evidence. Moving a visit and writing its trail entry belong in one unit of work.
 */
export interface VisitStore {
  readonly evidence: VisitEvidenceStore;
  get(id: number): Promise<Visit>;
  /** A new visit in state `assigned`, created by `createdBy`. */
  create(input: VisitInput, createdBy: number): Promise<Visit>;
  list(filter: VisitFilter): Promise<Page<Visit>>;
  /** Every visit matching the query, oldest first (exports and reports). */
  all(query: VisitQuery): Promise<Visit[]>;
  /** Changes who does the visit, where, with which scenario and by when. */
  reassign(id: number, fields: VisitAssignment): Promise<Visit>;
  /** Saves the answers (and visitedAt, when given) if the visit is still in `state`; false when it moved on. */
  saveAnswers(id: number, state: VisitState, answers: Answers, visitedAt: string | null): Promise<boolean>;
  /** Moves the visit from `from` to `to`, stamping submittedAt or publishedAt on entering those states; false when
   * the visit was no longer in `from` (a concurrent change). */
  changeState(id: number, from: VisitState, to: VisitState, change: StateChange): Promise<boolean>;
  addTransition(id: number, entry: TransitionEntry): Promise<void>;
  /** The audit trail, oldest first. */
  transitions(id: number): Promise<TransitionRecord[]>;
  /** The id of the user with this name if it is an auditor. */
  auditorId(name: string): Promise<number | null>;
}

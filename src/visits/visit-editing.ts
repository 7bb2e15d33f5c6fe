import { parseAnswers } from '../../audits/answers-schema.ts';
import { transition } from '../../audits/workflow.ts';
import type { Db } from '../db/open-db.ts';
import { templatesRepo } from '../db/templates.ts';
import type { Principal } from '../db/users.ts';
import { visitEvidenceRepo, type Evidence, type EvidenceType } from '../db/visit-evidence.ts';
import { visitsRepo, type Visit } from '../db/visits.ts';
import { conflict, unprocessable } from '../errors.ts';
import { sniffEvidenceType } from './evidence-type.ts';
import { invalidInput } from './invalid-input.ts';
import { photoAnswerIssues } from './photo-answers.ts';
import { assertEditable, visibleVisit, workflowRole } from './visit-access.ts';

export interface AnswersInput {
  answers: unknown;
  visitedAt?: string | undefined;
}

/** The upload's bytes are not one of the evidence types, or not the type it was declared as (415). */
export class UnsupportedEvidence extends Error {
  constructor(
    readonly declared: string,
    readonly detected: EvidenceType | null,
  ) {
    super(`the upload is not ${declared}: its content ${detected ? `is ${detected}` : 'is not JPEG, PNG, WebP or PDF'}`);
  }
}

const changedMeanwhile = (id: number) => conflict(`visit ${id} changed meanwhile; retry`);

/** Changing a visit's answers and evidence, for whoever may edit it in its current state. */
export function visitEditing(db: Db) {
  const visits = visitsRepo(db);
  const templates = templatesRepo(db);
  const evidence = visitEvidenceRepo(db);

  const editable = (principal: Principal, id: number): Visit => {
    const visit = visibleVisit(visits, principal, id);
    assertEditable(visit, principal);
    return visit;
  };

  /** An assigned visit is started (moved to draft) by its auditor's first save. */
  const started = (visit: Visit, principal: Principal): Visit => {
    if (visit.state !== 'assigned') return visit;
    transition('assigned', 'draft', workflowRole(principal));
    if (!visits.changeState(visit.id, 'assigned', 'draft', principal.userId, null)) throw changedMeanwhile(visit.id);
    return visits.get(visit.id);
  };

  return {
    /** Replaces the saved answers; partial answers are fine until submission, each answer is validated. */
    saveAnswers(principal: Principal, id: number, input: AnswersInput): Visit {
      const current = editable(principal, id);
      const { template } = templates.versionById(current.templateVersionId);
      const parsed = parseAnswers(template, { answers: input.answers });
      if (!parsed.ok) throw invalidInput(parsed.issues);
      const photoIssues = photoAnswerIssues(template, parsed.value, evidence.list(id));
      if (photoIssues.length) throw invalidInput(photoIssues);
      const visit = started(current, principal);
      if (!visits.saveAnswers(id, visit.state, parsed.value, input.visitedAt ?? null)) throw changedMeanwhile(id);
      return visits.get(id);
    },

    /** Stores an upload for a question after checking its bytes are what its type says; a photo question
     * without an answer is answered with the new evidence. */
    uploadEvidence(principal: Principal, id: number, question: string, declaredType: string, bytes: Buffer): Evidence {
      const current = editable(principal, id);
      const { template } = templates.versionById(current.templateVersionId);
      const target = template.sections.flatMap((s) => s.questions).find((q) => q.key === question);
      if (!target) throw unprocessable('question', `template "${current.templateKey}" has no question "${question}"`);
      const sniffed = sniffEvidenceType(bytes);
      if (sniffed === null || sniffed !== declaredType)
        throw new UnsupportedEvidence(declaredType, sniffed);
      const visit = started(current, principal);
      const added = evidence.add(id, question, sniffed, bytes, principal.userId);
      if (target.type === 'photo' && visit.answers[question] === undefined)
        visits.saveAnswers(id, visit.state, { ...visit.answers, [question]: String(added.id) }, null);
      return added;
    },
  };
}

import { parseAnswers } from '../../audits/answers-schema.ts';
import { transition } from '../../audits/workflow.ts';
import { conflict, DomainError, unprocessable } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { Principal } from '../store/users.ts';
import type { Evidence, EvidenceType } from '../store/visit-evidence.ts';
import type { Visit } from '../store/visits.ts';
import { sniffEvidenceType } from './evidence-type.ts';
import { invalidInput } from './invalid-input.ts';
import { photoAnswerIssues } from './photo-answers.ts';
import { assertEditable, visibleVisit, workflowRole } from './visit-access.ts';

export interface AnswersInput {
  answers: unknown;
  visitedAt?: string | undefined;
}

/** The upload's bytes are not one of the evidence types, or not the type it was declared as. */
const unsupportedEvidence = (declared: string, detected: EvidenceType | null) =>
  new DomainError(
    'unsupported',
    'unsupported_media_type',
    `the upload is not ${declared}: its content ${detected ? `is ${detected}` : 'is not JPEG, PNG, WebP or PDF'}`,
    { declared, detected },
  );

const changedMeanwhile = (id: number) => conflict(`visit ${id} changed meanwhile; retry`);

async function editable(tx: Store, principal: Principal, id: number): Promise<Visit> {
  const visit = await visibleVisit(tx, principal, id);
  assertEditable(visit, principal);
  return visit;
}

/** An assigned visit is started (moved to draft) by its auditor's first save. */
async function started(tx: Store, visit: Visit, principal: Principal): Promise<Visit> {
  if (visit.state !== 'assigned') return visit;
  transition('assigned', 'draft', workflowRole(principal));
  if (!(await tx.visits.changeState(visit.id, 'assigned', 'draft', {}))) throw changedMeanwhile(visit.id);
  await tx.visits.addTransition(visit.id, { from: 'assigned', to: 'draft', userId: principal.userId, note: null });
  return tx.visits.get(visit.id);
}

/** Changing a visit's answers and evidence, for whoever may edit it in its current state. */
export function visitEditing(store: Store) {
  return {
    /** Replaces the saved answers; partial answers are fine until submission, each answer is validated. */
    saveAnswers(principal: Principal, id: number, input: AnswersInput): Promise<Visit> {
      return store.transaction(async (tx) => {
        const current = await editable(tx, principal, id);
        const { template } = await tx.templates.versionById(current.templateVersionId);
        const parsed = parseAnswers(template, { answers: input.answers });
        if (!parsed.ok) throw invalidInput(parsed.issues);
        const photoIssues = photoAnswerIssues(template, parsed.value, await tx.visits.evidence.list(id));
        if (photoIssues.length) throw invalidInput(photoIssues);
        const visit = await started(tx, current, principal);
        if (!(await tx.visits.saveAnswers(id, visit.state, parsed.value, input.visitedAt ?? null))) throw changedMeanwhile(id);
        return tx.visits.get(id);
      });
    },

    /** Stores an upload for a question after checking its bytes are what its type says; a photo question
     * without an answer is answered with the new evidence. */
    uploadEvidence(principal: Principal, id: number, question: string, declaredType: string, bytes: Buffer): Promise<Evidence> {
      return store.transaction(async (tx) => {
        const current = await editable(tx, principal, id);
        const { template } = await tx.templates.versionById(current.templateVersionId);
        const target = template.sections.flatMap((s) => s.questions).find((q) => q.key === question);
        if (!target) throw unprocessable('question', `template "${current.templateKey}" has no question "${question}"`);
        const sniffed = sniffEvidenceType(bytes);
        if (sniffed === null || sniffed !== declaredType) throw unsupportedEvidence(declaredType, sniffed);
        const visit = await started(tx, current, principal);
        const added = await tx.visits.evidence.add(id, { question, contentType: sniffed, bytes, uploadedBy: principal.userId });
        if (target.type === 'photo' && visit.answers[question] === undefined)
          await tx.visits.saveAnswers(id, visit.state, { ...visit.answers, [question]: String(added.id) }, null);
        return added;
      });
    },
  };
}

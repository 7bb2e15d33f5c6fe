import { z } from 'zod';
import { VISIT_STATES } from '../../audits/workflow.ts';

export const VisitState = z.enum(VISIT_STATES);
export const Day = z.iso.date().meta({ example: '2026-11-30' });
const When = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()]).meta({ example: '2026-11-23T10:15:00+01:00' });

const assignmentFields = {
  location: z.string().trim().min(1).max(200).nullable(),
  auditor: z.string().min(1).max(200).meta({ description: 'Name of a user with the auditor role' }),
  scenario: z.string().trim().max(2000).nullable(),
  dueDate: Day.nullable(),
};

export const VisitInput = z
  .object({
    templateKey: z.string().max(64),
    templateVersion: z.number().int().positive().optional().meta({ description: 'Default: the latest version' }),
    businessId: z.number().int().positive(),
    location: assignmentFields.location.default(null),
    auditor: assignmentFields.auditor,
    scenario: assignmentFields.scenario.default(null),
    dueDate: assignmentFields.dueDate.default(null),
  })
  .strict()
  .meta({ id: 'VisitInput' });

/** Only the fields sent change. */
export const VisitPatch = z.object(assignmentFields).partial().strict().meta({ id: 'VisitPatch' });

export const AnswersInput = z
  .object({
    answers: z.record(z.string(), z.unknown()).meta({ description: '{ "<questionKey>": value | "na" }; partial until submission' }),
    visitedAt: When.optional().meta({ description: 'When the visit took place; default: the submission time' }),
  })
  .strict()
  .meta({ id: 'AnswersInput' });

export const TransitionInput = z
  .object({ to: VisitState, note: z.string().trim().max(2000).optional() })
  .strict()
  .meta({ id: 'TransitionInput' });

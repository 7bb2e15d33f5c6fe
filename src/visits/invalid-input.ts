import type { ValidationIssue } from '../../audits/validation-issues.ts';
import { AppError } from '../errors.ts';

/** 400 naming each bad path of a request body, shaped like the routes' own validation errors. */
export const invalidInput = (issues: ValidationIssue[]) =>
  new AppError(400, 'validation_failed', issues.map((i) => `body.${i.path}: ${i.message}`).join('; '), { in: 'body', issues });

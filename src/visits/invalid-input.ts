import type { ValidationIssue } from '../../audits/validation-issues.ts';
import { DomainError } from '../errors.ts';

/** Invalid input naming each bad path of a request body, shaped like the routes' own validation errors. */
export const invalidInput = (issues: ValidationIssue[]) =>
  new DomainError('invalid', 'validation_failed', issues.map((i) => `body.${i.path}: ${i.message}`).join('; '), { in: 'body', issues });

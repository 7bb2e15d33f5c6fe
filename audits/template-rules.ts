import { possiblePoints } from './question-points.ts';
import type { Question, Template } from './template-schema.ts';
import { formatPath } from './validation-issues.ts';

export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

/** Cross-field rules of a structurally valid template: unique keys, bands, option and points rules. */
export function checkTemplateRules(template: Template): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Map<string, string>();
  const claim = (key: string, path: (string | number)[]) => {
    const first = seen.get(key);
    if (first) issues.push({ path: [...path, 'key'], message: `duplicate key "${key}" (already used at ${first})` });
    else seen.set(key, formatPath(path));
  };
  template.sections.forEach((section, s) => {
    claim(section.key, ['sections', s]);
    section.questions.forEach((question, q) => {
      const path = ['sections', s, 'questions', q];
      claim(question.key, path);
      issues.push(...questionRules(question).map((i) => ({ path: [...path, ...i.path], message: i.message })));
    });
  });
  return issues;
}

function questionRules(question: Question): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (question.type === 'choice' || question.type === 'multi') {
    const keys = new Set<string>();
    question.options.forEach((option, i) => {
      if (option.key === 'na') issues.push({ path: ['options', i, 'key'], message: '"na" is reserved for N/A answers' });
      if (keys.has(option.key)) issues.push({ path: ['options', i, 'key'], message: `duplicate option key "${option.key}"` });
      keys.add(option.key);
      if (question.type === 'choice' && option.points < 0)
        issues.push({ path: ['options', i, 'points'], message: 'choice option points may not be negative' });
    });
  }
  if (question.type === 'number') {
    const last = question.bands.length - 1;
    question.bands.forEach((band, i) => {
      const previous = question.bands[i - 1]?.max;
      if (band.max === undefined && i < last)
        issues.push({ path: ['bands', i, 'max'], message: 'only the last band may be open-ended (without max)' });
      if (band.max !== undefined && previous !== undefined && band.max <= previous)
        issues.push({ path: ['bands', i, 'max'], message: `band maxes must increase (${band.max} after ${previous})` });
    });
  }
  const possible = possiblePoints(question);
  if (question.bonus && possible === 0) issues.push({ path: ['bonus'], message: 'a bonus question needs points' });
  if (question.critical && question.bonus) issues.push({ path: ['critical'], message: 'a bonus question cannot be critical' });
  else if (question.critical && possible === 0)
    issues.push({ path: ['critical'], message: 'a critical question needs points (it is critical when it earns 0)' });
  return issues;
}

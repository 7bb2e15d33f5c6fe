import type { Question } from './template-schema.ts';

/** Best points a question can earn (before N/A); 0 means the question is not scored. */
export function possiblePoints(question: Question): number {
  switch (question.type) {
    case 'choice':
      return Math.max(0, ...question.options.map((o) => o.points));
    case 'multi':
      return question.options.reduce((sum, o) => sum + Math.max(0, o.points), 0);
    case 'number':
      return Math.max(0, ...question.bands.map((b) => b.points));
    default:
      return question.points ?? 0;
  }
}

/** Lowest and highest answer of a scale question; the lowest earns 0 points, the highest all. */
export function scaleRange(question: Question): readonly [number, number] | undefined {
  switch (question.type) {
    case 'rating':
      return [1, question.scale];
    case 'nps':
      return [0, 10];
    case 'csat':
      return [1, 5];
    case 'ces':
      return [1, 7];
    default:
      return undefined;
  }
}

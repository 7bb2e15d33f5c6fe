import type { Visit } from '../store/visits.ts';
import { csvLines } from '../csv.ts';

type Cell = string | number | boolean | null;

const COLUMNS: [string, (v: Visit) => Cell][] = [
  ['id', (v) => v.id],
  ['template', (v) => v.templateKey],
  ['template_version', (v) => v.templateVersion],
  ['touchpoint', (v) => v.touchpoint],
  ['business_id', (v) => v.businessId],
  ['business', (v) => v.businessName],
  ['own', (v) => v.own],
  ['location', (v) => v.location],
  ['auditor', (v) => v.auditor],
  ['scenario', (v) => v.scenario],
  ['due_date', (v) => v.dueDate],
  ['state', (v) => v.state],
  ['visited_at', (v) => v.visitedAt],
  ['submitted_at', (v) => v.submittedAt],
  ['published_at', (v) => v.publishedAt],
  ['percent', (v) => v.score?.overall.percent ?? null],
  ['result', (v) => v.score?.result ?? null],
  ['auto_fail', (v) => v.score?.autoFail.map((a) => a.question).join(' ') ?? null],
  ['answers', (v) => JSON.stringify(v.answers)],
];

/** Visits as RFC 4180 CSV (formula-safe cells, CRLF lines), one row per visit. */
export function visitsCsv(visits: Visit[]): string {
  return [...csvLines(COLUMNS.map(([name]) => name), visits, (v) => COLUMNS.map(([, cell]) => cell(v)))].join('');
}

import type { Visit } from '../db/visits.ts';

type Cell = string | number | boolean | null;

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

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

/** Visits as RFC 4180 CSV (CRLF lines, every text cell quoted), one row per visit. */
export function visitsCsv(visits: Visit[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(','), ...visits.map((v) => COLUMNS.map(([, cell]) => csvCell(cell(v))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

import type { Answers } from '../../audits/answers-schema.ts';
import type { VisitScore } from '../../audits/scoring.ts';
import type { Template } from '../../audits/template-schema.ts';
import { experienceMetrics, type ExperienceMetrics } from './experience-metrics.ts';

/** A reported visit: its stored score, the answers scored and the template version it was filled against. */
export interface ReportVisit {
  businessId: number;
  businessName: string;
  own: boolean;
  location: string | null;
  visitedAt: string;
  template: Template;
  answers: Answers;
  score: VisitScore;
}

export interface Summary {
  visits: number;
  /** Mean overall % of the visits with a score (exact). */
  averageScore: number | null;
  /** % of visits with result pass. */
  passRate: number | null;
  /** Visits failed by a critical "visit" question. */
  autoFails: number;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export function summarize(visits: ReportVisit[]): Summary {
  const scores = visits.map((v) => v.score.overall.percent).filter((p): p is number => p !== null);
  return {
    visits: visits.length,
    averageScore: mean(scores),
    passRate: visits.length ? (visits.filter((v) => v.score.result === 'pass').length * 100) / visits.length : null,
    autoFails: visits.filter((v) => v.score.autoFail.length > 0).length,
  };
}

const groupBy = <K>(visits: ReportVisit[], key: (v: ReportVisit) => K): Map<K, ReportVisit[]> => {
  const groups = new Map<K, ReportVisit[]>();
  for (const v of visits) groups.set(key(v), [...(groups.get(key(v)) ?? []), v]);
  return groups;
};

/** Per section key: how many visits scored it and their mean %; titles from the newest template version seen. */
function sections(visits: ReportVisit[]) {
  const found = new Map<string, { title: string; percents: number[] }>();
  for (const v of visits)
    for (const s of v.score.sections) {
      const title = v.template.sections.find((t) => t.key === s.key)?.title ?? s.key;
      const entry = found.get(s.key) ?? { title, percents: [] };
      entry.title = title;
      if (s.percent !== null) entry.percents.push(s.percent);
      found.set(s.key, entry);
    }
  return [...found].map(([key, { title, percents }]) => ({ key, title, visits: percents.length, averagePercent: mean(percents) }));
}

/** Scored questions (not N/A, worth points) that earned nothing, most often missed first. */
function missedQuestions(visits: ReportVisit[], top = 10) {
  const counts = new Map<string, { text: string; asked: number; missed: number }>();
  for (const v of visits)
    for (const q of v.score.questions) {
      if (q.na || q.possible === 0) continue;
      const text = v.template.sections.flatMap((s) => s.questions).find((t) => t.key === q.key)?.text ?? q.key;
      const entry = counts.get(q.key) ?? { text, asked: 0, missed: 0 };
      entry.asked += 1;
      if (q.earned === 0) entry.missed += 1;
      counts.set(q.key, entry);
    }
  return [...counts]
    .map(([question, c]) => ({ question, ...c, missRate: (c.missed * 100) / c.asked }))
    .filter((q) => q.missed > 0)
    .sort((a, b) => b.missed - a.missed || b.missRate - a.missRate || a.question.localeCompare(b.question))
    .slice(0, top);
}

const trend = (visits: ReportVisit[]) =>
  [...groupBy(visits, (v) => v.visitedAt.slice(0, 7))].sort(([a], [b]) => a.localeCompare(b)).map(([month, group]) => ({ month, ...summarize(group) }));

export interface BusinessReport extends Summary, ExperienceMetrics {
  businessId: number;
  name: string;
  own: boolean;
  /** This business's average score minus the own business's (competitors only, when both have one). */
  vsOwn: number | null;
  autoFailQuestions: { question: string; visits: number }[];
  sections: ReturnType<typeof sections>;
  trend: ReturnType<typeof trend>;
  missedQuestions: ReturnType<typeof missedQuestions>;
}

function businessReport(visits: ReportVisit[]): Omit<BusinessReport, 'vsOwn'> {
  const first = visits[0]!;
  const autoFails = new Map<string, number>();
  for (const v of visits) for (const q of new Set(v.score.autoFail.map((a) => a.question))) autoFails.set(q, (autoFails.get(q) ?? 0) + 1);
  return {
    businessId: first.businessId,
    name: first.businessName,
    own: first.own,
    ...summarize(visits),
    autoFailQuestions: [...autoFails].map(([question, n]) => ({ question, visits: n })).sort((a, b) => b.visits - a.visits),
    sections: sections(visits),
    trend: trend(visits),
    missedQuestions: missedQuestions(visits),
    ...experienceMetrics(visits),
  };
}

/** Competition ranking by average score (ties share a rank; unscored last). */
function league<T extends Summary>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => (b.averageScore ?? -1) - (a.averageScore ?? -1) || b.visits - a.visits);
  return sorted.map((row) => ({ ...row, rank: 1 + sorted.findIndex((r) => r.averageScore === row.averageScore) }));
}

/** Own versus each competitor over the reported visits given, with league tables of businesses and locations. */
export function touchpointReport(visits: ReportVisit[]) {
  const reports = [...groupBy(visits, (v) => v.businessId).values()].map(businessReport);
  const own = reports.find((r) => r.own) ?? null;
  const withGap = (r: Omit<BusinessReport, 'vsOwn'>): BusinessReport => ({
    ...r,
    vsOwn: !r.own && own?.averageScore != null && r.averageScore !== null ? r.averageScore - own.averageScore : null,
  });
  const locations = [...groupBy(visits, (v) => `${v.businessId}\u0000${v.location ?? ''}`).values()].map((group) => ({
    businessId: group[0]!.businessId,
    name: group[0]!.businessName,
    own: group[0]!.own,
    location: group[0]!.location,
    ...summarize(group),
  }));
  return {
    ...summarize(visits),
    own: own && withGap(own),
    competitors: reports.filter((r) => !r.own).map(withGap),
    league: {
      businesses: league(reports.map(({ businessId, name, own: isOwn, visits: n, averageScore, passRate, autoFails }) => ({ businessId, name, own: isOwn, visits: n, averageScore, passRate, autoFails }))),
      locations: league(locations),
    },
  };
}

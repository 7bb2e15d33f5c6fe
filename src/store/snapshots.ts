import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Offer, Provenance } from '../../scrapers/offer.ts';
import type { Page, PageRequest } from './paging.ts';

export type ScreenshotType = 'image/jpeg' | 'image/png';

export interface SnapshotEvidence {
  /** sha256 of the page's HTML (UTF-8); identical pages share one stored copy. */
  htmlHash: string | null;
  htmlBytes: number | null;
  screenshotType: ScreenshotType | null;
  screenshotBytes: number | null;
}

/** The offer a run extracted from a target's page, with its evidence. */
export interface Snapshot {
  id: number;
  targetId: number;
  runId: number | null;
  capturedAt: string;
  finalUrl: string | null;
  offer: Offer;
  provenance: Provenance;
  evidence: SnapshotEvidence;
}

/** The part of an offer that is compared over time. */
export type OfferValues = Pick<Offer, 'name' | 'price' | 'regularPrice' | 'currency' | 'availability' | 'promotions' | 'fields'>;

/** A snapshot as change detection and history charts read it. */
export interface SnapshotPoint {
  id: number;
  targetId: number;
  capturedAt: string;
  values: OfferValues;
}

/** Compressed page HTML with its content hash, computed before the storing unit of work. */
export interface HtmlEvidence {
  hash: string;
  gz: Buffer;
  size: number;
}

export interface SnapshotInput {
  targetId: number;
  runId: number | null;
  capturedAt: string;
  finalUrl: string | null;
  offer: Offer;
  provenance: Provenance;
  html: HtmlEvidence | null;
  screenshot: { type: ScreenshotType; bytes: Uint8Array } | null;
}

export interface HistoryRange {
  /** Captured at or after (ISO). */
  since?: string;
  /** Captured before (ISO). */
  until?: string;
  /** At most this many of the latest snapshots. */
  limit: number;
}

/** Hashes and gzips page HTML for storage. */
export function htmlEvidence(html: string): HtmlEvidence {
  const bytes = Buffer.from(html, 'utf8');
  return { hash: createHash('sha256').update(bytes).digest('hex'), gz: gzipSync(bytes), size: bytes.length };
}

/** Offers as captured, and their evidence: page HTML stored once per content hash, a screenshot. */
export interface SnapshotStore {
  get(id: number): Promise<Snapshot>;
  /** Stores a snapshot with its evidence and returns its id; call inside the run's unit of work. */
  insert(snapshot: SnapshotInput): Promise<number>;
  latest(targetId: number): Promise<Snapshot | null>;
  /** Newest first; `after` is the last (smallest) id seen. */
  listForTarget(targetId: number, page: PageRequest): Promise<Page<Snapshot>>;
  /** A target's snapshots in `range`, oldest first. */
  history(targetId: number, range: HistoryRange): Promise<SnapshotPoint[]>;
  /** The page's HTML; null when none was kept. Throws not found for an unknown snapshot. */
  html(id: number): Promise<string | null>;
  /** Null when none was taken. Throws not found for an unknown snapshot. */
  screenshot(id: number): Promise<{ type: ScreenshotType; bytes: Buffer } | null>;
}

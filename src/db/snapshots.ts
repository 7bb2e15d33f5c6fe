import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from './open-db.ts';
import { notFound } from '../errors.ts';
import { toPage, type Page } from './paging.ts';
import type { Availability, FieldValue, Offer, Provenance } from '../../scrapers/offer.ts';

export type ScreenshotType = 'image/jpeg' | 'image/png';

export interface SnapshotEvidence {
  /** sha256 of the page's HTML (UTF-8); identical pages share one stored copy. */
  htmlHash: string | null;
  htmlBytes: number | null;
  screenshotType: ScreenshotType | null;
  screenshotBytes: number | null;
}

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

/** Compressed page HTML with its content hash, computed before the storing transaction. */
export interface HtmlEvidence {
  hash: string;
  gz: Buffer;
  size: number;
}

export interface SnapshotInput {
  targetId: number;
  runId: number;
  capturedAt: string;
  finalUrl: string | null;
  offer: Offer;
  provenance: Provenance;
  html: HtmlEvidence | null;
  screenshot: { type: ScreenshotType; bytes: Uint8Array } | null;
}

interface Row {
  id: number;
  target_id: number;
  run_id: number | null;
  captured_at: string;
  final_url: string | null;
  name: string | null;
  price: string | null;
  regular_price: string | null;
  currency: string | null;
  availability: Availability | null;
  sku: string | null;
  gtin: string | null;
  brand: string | null;
  promotions: string;
  fields: string;
  provenance: string;
  html_hash: string | null;
  html_size: number | null;
  screenshot_type: ScreenshotType | null;
  screenshot_size: number | null;
}

const toSnapshot = (r: Row): Snapshot => ({
  id: r.id,
  targetId: r.target_id,
  runId: r.run_id,
  capturedAt: r.captured_at,
  finalUrl: r.final_url,
  offer: {
    name: r.name,
    price: r.price,
    regularPrice: r.regular_price,
    currency: r.currency,
    availability: r.availability,
    sku: r.sku,
    gtin: r.gtin,
    brand: r.brand,
    promotions: JSON.parse(r.promotions) as string[],
    fields: JSON.parse(r.fields) as Record<string, FieldValue>,
  },
  provenance: JSON.parse(r.provenance) as Provenance,
  evidence: {
    htmlHash: r.html_hash,
    htmlBytes: r.html_size,
    screenshotType: r.screenshot_type,
    screenshotBytes: r.screenshot_size,
  },
});

/** Hashes and gzips page HTML for storage. */
export function htmlEvidence(html: string): HtmlEvidence {
  const bytes = Buffer.from(html, 'utf8');
  return { hash: createHash('sha256').update(bytes).digest('hex'), gz: gzipSync(bytes), size: bytes.length };
}

const SELECT = `SELECT s.id, s.target_id, s.run_id, s.captured_at, s.final_url, s.name, s.price, s.regular_price, s.currency,
  s.availability, s.sku, s.gtin, s.brand, s.promotions, s.fields, s.provenance, s.html_hash, e.size AS html_size,
  s.screenshot_type, length(s.screenshot) AS screenshot_size
  FROM snapshots s LEFT JOIN evidence e ON e.hash = s.html_hash`;

export function snapshotsRepo(db: Db) {
  const insertEvidence = db.prepare('INSERT OR IGNORE INTO evidence (hash, html_gz, size, created_at) VALUES (?, ?, ?, ?)');
  const insert = db.prepare<Record<string, string | number | null | Uint8Array>>(
    `INSERT INTO snapshots (target_id, run_id, captured_at, final_url, name, price, regular_price, currency, availability,
       sku, gtin, brand, promotions, fields, provenance, html_hash, screenshot, screenshot_type)
     VALUES (:targetId, :runId, :capturedAt, :finalUrl, :name, :price, :regularPrice, :currency, :availability,
       :sku, :gtin, :brand, :promotions, :fields, :provenance, :htmlHash, :screenshot, :screenshotType)`,
  );
  const byId = db.prepare<[number], Row>(`${SELECT} WHERE s.id = ?`);
  const forTarget = db.prepare<{ targetId: number; after: number; limit: number }, Row>(
    `${SELECT} WHERE s.target_id = :targetId AND s.id < :after ORDER BY s.id DESC LIMIT :limit`,
  );
  const latest = db.prepare<[number], Row>(`${SELECT} WHERE s.target_id = ? ORDER BY s.id DESC LIMIT 1`);
  const html = db.prepare<[number], { html_gz: Buffer | null }>(
    'SELECT e.html_gz FROM snapshots s LEFT JOIN evidence e ON e.hash = s.html_hash WHERE s.id = ?',
  );
  const screenshot = db.prepare<[number], { screenshot: Buffer | null; screenshot_type: ScreenshotType | null }>(
    'SELECT screenshot, screenshot_type FROM snapshots WHERE id = ?',
  );

  const get = (id: number): Snapshot => {
    const row = byId.get(id);
    if (!row) throw notFound('snapshot', id);
    return toSnapshot(row);
  };

  return {
    get,
    /** Stores a snapshot and its evidence (HTML once per hash); call inside the run's transaction. */
    insert(s: SnapshotInput): number {
      if (s.html) insertEvidence.run(s.html.hash, s.html.gz, s.html.size, s.capturedAt);
      const { offer } = s;
      return Number(
        insert.run({
          targetId: s.targetId,
          runId: s.runId,
          capturedAt: s.capturedAt,
          finalUrl: s.finalUrl,
          name: offer.name,
          price: offer.price,
          regularPrice: offer.regularPrice,
          currency: offer.currency,
          availability: offer.availability,
          sku: offer.sku,
          gtin: offer.gtin,
          brand: offer.brand,
          promotions: JSON.stringify(offer.promotions),
          fields: JSON.stringify(offer.fields),
          provenance: JSON.stringify(s.provenance),
          htmlHash: s.html?.hash ?? null,
          screenshot: s.screenshot ? Buffer.from(s.screenshot.bytes) : null,
          screenshotType: s.screenshot?.type ?? null,
        }).lastInsertRowid,
      );
    },
    latest(targetId: number): Snapshot | null {
      const row = latest.get(targetId);
      return row ? toSnapshot(row) : null;
    },
    /** Newest first; the cursor is the last (smallest) id seen. */
    listForTarget(targetId: number, page: { after?: number; limit: number }): Page<Snapshot> {
      const rows = forTarget.all({ targetId, after: page.after ?? Number.MAX_SAFE_INTEGER, limit: page.limit + 1 });
      return toPage(rows.map(toSnapshot), page.limit);
    },
    html(id: number): string | null {
      const row = html.get(id);
      if (!row) throw notFound('snapshot', id);
      return row.html_gz ? gunzipSync(row.html_gz).toString('utf8') : null;
    },
    screenshot(id: number): { type: ScreenshotType; bytes: Buffer } | null {
      const row = screenshot.get(id);
      if (!row) throw notFound('snapshot', id);
      return row.screenshot && row.screenshot_type ? { type: row.screenshot_type, bytes: row.screenshot } : null;
    },
  };
}

export type SnapshotsRepo = ReturnType<typeof snapshotsRepo>;

import { createHash } from 'node:crypto';
import { notFound } from '../errors.ts';
import type { Db } from './open-db.ts';
import { nowIso } from './open-db.ts';

export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export interface Evidence {
  id: number;
  visitId: number;
  question: string;
  contentType: EvidenceType;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

const COLUMNS = `e.id, e.visit_id AS visitId, e.question_key AS question, e.content_type AS contentType, e.size, e.sha256,
  e.uploaded_at AS uploadedAt, u.name AS uploadedBy FROM visit_evidence e LEFT JOIN users u ON u.id = e.uploaded_by`;

export function visitEvidenceRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO visit_evidence (visit_id, question_key, content_type, size, sha256, bytes, uploaded_at, uploaded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const list = db.prepare<[number], Evidence>(`SELECT ${COLUMNS} WHERE e.visit_id = ? ORDER BY e.id`);
  const one = db.prepare<[number, number], Evidence>(`SELECT ${COLUMNS} WHERE e.visit_id = ? AND e.id = ?`);
  const bytes = db.prepare<[number, number], Buffer>('SELECT bytes FROM visit_evidence WHERE visit_id = ? AND id = ?').pluck();

  const get = (visitId: number, id: number): Evidence => {
    const row = one.get(visitId, id);
    if (!row) throw notFound(`evidence of visit ${visitId}`, id);
    return row;
  };

  return {
    get,
    list: (visitId: number) => list.all(visitId),
    add(visitId: number, question: string, contentType: EvidenceType, data: Buffer, userId: number): Evidence {
      const sha256 = createHash('sha256').update(data).digest('hex');
      const { lastInsertRowid } = insert.run(visitId, question, contentType, data.byteLength, sha256, data, nowIso(), userId);
      return get(visitId, Number(lastInsertRowid));
    },
    /** The stored file with its metadata. */
    download(visitId: number, id: number): { evidence: Evidence; bytes: Buffer } {
      const evidence = get(visitId, id);
      return { evidence, bytes: bytes.get(visitId, id)! };
    },
  };
}

export type VisitEvidenceRepo = ReturnType<typeof visitEvidenceRepo>;

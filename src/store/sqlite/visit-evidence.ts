import { createHash } from 'node:crypto';
import { notFound } from '../../errors.ts';
import type { Evidence, EvidenceType, VisitEvidenceStore } from '../visit-evidence.ts';
import type { Queries } from './open-sqlite.ts';
import { nowIso } from './sqlite-values.ts';

export function sqliteVisitEvidence(db: Queries): VisitEvidenceStore {
  const evidence = () =>
    db
      .selectFrom('visit_evidence as e')
      .leftJoin('users as u', 'u.id', 'e.uploaded_by')
      .select([
        'e.id',
        'e.visit_id as visitId',
        'e.question_key as question',
        'e.content_type as contentType',
        'e.size',
        'e.sha256',
        'e.uploaded_at as uploadedAt',
        'u.name as uploadedBy',
      ])
      .$narrowType<{ contentType: EvidenceType }>();

  const get = async (visitId: number, id: number): Promise<Evidence> => {
    const row = await evidence().where('e.visit_id', '=', visitId).where('e.id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`evidence of visit ${visitId}`, id);
    return row;
  };

  return {
    get,
    list: (visitId) => evidence().where('e.visit_id', '=', visitId).orderBy('e.id').execute(),
    async add(visitId, { question, contentType, bytes, uploadedBy }) {
      const { id } = await db
        .insertInto('visit_evidence')
        .values({
          visit_id: visitId,
          question_key: question,
          content_type: contentType,
          size: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes,
          uploaded_at: nowIso(),
          uploaded_by: uploadedBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return get(visitId, id);
    },
    async download(visitId, id) {
      const found = await get(visitId, id);
      const { bytes } = await db
        .selectFrom('visit_evidence')
        .select('bytes')
        .where('visit_id', '=', visitId)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return { evidence: found, bytes };
    },
  };
}

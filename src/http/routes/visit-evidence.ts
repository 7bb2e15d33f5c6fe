import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../../errors.ts';
import { EVIDENCE_TYPES } from '../../store/visit-evidence.ts';
import { visibleVisit } from '../../visits/visit-access.ts';
import { visitEditing } from '../../visits/visit-editing.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json } from '../route.ts';
import { ErrorSchema, IdParam, Timestamp } from '../schemas.ts';

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
/** The upload path, exempt from the global JSON body limit: it has its own. */
export const EVIDENCE_UPLOAD_PATH = /^\/api\/visits\/[^/]+\/evidence\/?$/;

const Evidence = z
  .object({
    id: z.number().int(),
    visitId: z.number().int(),
    question: z.string(),
    contentType: z.enum(EVIDENCE_TYPES),
    size: z.number().int(),
    sha256: z.string(),
    uploadedAt: Timestamp,
    uploadedBy: z.string().nullable(),
    url: z.string(),
  })
  .openapi('VisitEvidence');

const binary = z.string().openapi({ format: 'binary' });
const tags = ['visits'];
const missing = { 404: json(ErrorSchema, 'No such visit or evidence, or not one the caller may see') };
const withUrl = <T extends { id: number; visitId: number }>(e: T) => ({ ...e, url: `/api/visits/${e.visitId}/evidence/${e.id}` });

/** The question and the file of an upload: multipart (fields `question` and `file`) or the raw bytes with
 * `?question=` and the file's Content-Type. */
async function readUpload(c: Context<AppEnv>): Promise<{ question: string; type: string; bytes: Buffer }> {
  const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType === 'multipart/form-data') {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw new DomainError('invalid', 'validation_failed', 'body.file: required (a file)', { field: 'file' });
    const question = typeof form.question === 'string' ? form.question : (c.req.query('question') ?? '');
    return { question, type: file.type.toLowerCase(), bytes: Buffer.from(await file.arrayBuffer()) };
  }
  return { question: c.req.query('question') ?? '', type: contentType, bytes: Buffer.from(await c.req.arrayBuffer()) };
}

/** `/api/visits/{id}/evidence`: photos, receipts and documents attached to a visit's questions. */
export function visitEvidenceRoutes({ store }: AppDeps) {
  const editing = visitEditing(store);
  const router = newRouter();
  router.post(
    '/:id/evidence',
    bodyLimit({
      maxSize: EVIDENCE_MAX_BYTES,
      onError: () => {
        throw new DomainError('too_large', 'payload_too_large', `evidence over ${EVIDENCE_MAX_BYTES} bytes`, { maxBytes: EVIDENCE_MAX_BYTES });
      },
    }),
  );
  return router
    .openapi(
      apiRoute({
        method: 'post',
        path: '/{id}/evidence',
        tags,
        summary: `Upload evidence for a question: JPEG, PNG, WebP or PDF (checked by content), at most ${EVIDENCE_MAX_BYTES} bytes`,
        description: 'Send multipart/form-data with `question` and `file`, or the raw file with its Content-Type and `?question=`.',
        permission: 'visits.work',
        request: {
          params: IdParam,
          query: z.object({ question: z.string().max(64).optional() }),
          body: { content: Object.fromEntries(EVIDENCE_TYPES.map((t) => [t, { schema: binary }])), required: true },
        },
        responses: {
          201: json(Evidence, 'The stored evidence'),
          409: json(ErrorSchema, 'The visit is not editable now'),
          413: json(ErrorSchema, 'Too large'),
          415: json(ErrorSchema, 'Not JPEG, PNG, WebP or PDF, or not the declared type'),
          422: json(ErrorSchema, 'No such question in the template'),
          ...missing,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const upload = await readUpload(c);
        if (!upload.question) throw new DomainError('invalid', 'validation_failed', 'question: required', { field: 'question' });
        if (!(EVIDENCE_TYPES as readonly string[]).includes(upload.type))
          throw new DomainError('unsupported', 'unsupported_media_type', `content type "${upload.type}" is not one of ${EVIDENCE_TYPES.join(', ')}`, {
            allowed: EVIDENCE_TYPES,
          });
        return c.json(withUrl(await editing.uploadEvidence(c.get('principal'), id, upload.question, upload.type, upload.bytes)), 201);
      },
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/{id}/evidence',
        tags,
        summary: "List a visit's evidence",
        permission: 'visits.read',
        request: { params: IdParam },
        responses: { 200: json(z.object({ items: z.array(Evidence) }), 'The evidence, oldest first'), ...missing },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await visibleVisit(store, c.get('principal'), id);
        return c.json({ items: (await store.visits.evidence.list(id)).map(withUrl) }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/{id}/evidence/{evidenceId}',
        tags,
        summary: 'Download one piece of evidence with its content type',
        permission: 'visits.read',
        request: { params: IdParam.extend({ evidenceId: z.coerce.number().int().positive().openapi({ param: { name: 'evidenceId', in: 'path' } }) }) },
        responses: { 200: { content: Object.fromEntries(EVIDENCE_TYPES.map((t) => [t, { schema: binary }])), description: 'The file' }, ...missing },
      }),
      async (c) => {
        const { id, evidenceId } = c.req.valid('param');
        await visibleVisit(store, c.get('principal'), id);
        const { evidence: found, bytes } = await store.visits.evidence.download(id, evidenceId);
        const inline = found.contentType.startsWith('image/');
        return c.body(new Uint8Array(bytes), 200, {
          'content-type': found.contentType,
          'content-length': String(bytes.byteLength),
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; sandbox",
          'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="evidence-${found.id}.${found.contentType.split('/')[1]}"`,
          'cache-control': 'private, max-age=86400, immutable',
        });
      },
    );
}

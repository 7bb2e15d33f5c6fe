import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { assign, PNG, seedScorecard, upload, type Fixture } from '../visits/visit-steps.ts';

let t: TestApp;
let f: Fixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await seedScorecard(t, { receiptRequired: true });
});
afterEach(() => t.close());

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const HTML = Buffer.from('<html><script>alert(1)</script></html>');

describe('/api/visits/{id}/evidence', () => {
  it('stores JPEG, PNG, WebP and PDF and serves each back with its type and nosniff', async () => {
    const id = await assign(t, f.ownId);
    const files = [
      [JPEG, 'image/jpeg'],
      [PNG, 'image/png'],
      [WEBP, 'image/webp'],
      [PDF, 'application/pdf'],
    ] as const;
    for (const [bytes, type] of files) {
      const res = await upload(t, 'auditor', id, 'notes', bytes, type);
      expect(res.status, type).toBe(201);
      const stored = await res.json();
      expect(stored).toMatchObject({ question: 'notes', contentType: type, size: bytes.length, uploadedBy: 'auditor' });
      expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
      const download = await t.call('marketer', 'GET', stored.url);
      expect(download.headers.get('content-type')).toBe(type);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    }
    const list = await (await t.call('auditor', 'GET', `/api/visits/${id}/evidence`)).json();
    expect(list.items.map((e: { contentType: string }) => e.contentType)).toEqual(files.map(([, type]) => type));
    // the first upload started the draft; uploads to a non-photo question do not answer it
    expect(await (await t.call('auditor', 'GET', `/api/visits/${id}`)).json()).toMatchObject({ state: 'draft', answers: {} });
  });

  it('judges the content, not the declared type: 415 for HTML posing as PNG and for other types', async () => {
    const id = await assign(t, f.ownId);
    const posing = await upload(t, 'auditor', id, 'receipt', HTML, 'image/png');
    expect(posing.status).toBe(415);
    expect((await posing.json()).error).toMatchObject({ code: 'unsupported_media_type', details: { declared: 'image/png', detected: null } });
    const mismatch = await upload(t, 'auditor', id, 'receipt', JPEG, 'image/png');
    expect(mismatch.status).toBe(415);
    expect((await mismatch.json()).error.details.detected).toBe('image/jpeg');
    expect((await upload(t, 'auditor', id, 'receipt', HTML, 'text/html')).status).toBe(415);
    expect((await upload(t, 'auditor', id, 'receipt', Buffer.from('GIF89a'), 'image/gif')).status).toBe(415);
    expect((await t.call('auditor', 'GET', `/api/visits/${id}/evidence`).then((r) => r.json())).items).toEqual([]);
  });

  it('takes uploads over the 1 MB JSON limit up to 5 MB, and answers 413 above', async () => {
    const id = await assign(t, f.ownId);
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    expect((await upload(t, 'auditor', id, 'receipt', big, 'image/png')).status).toBe(201);
    const huge = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload(t, 'auditor', id, 'receipt', huge, 'image/png');
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect((await t.call('admin', 'POST', '/api/templates', { title: 'x'.repeat(2 * 1024 * 1024) })).status).toBe(413);
  });

  it('accepts multipart uploads and answers the photo question with the evidence', async () => {
    const id = await assign(t, f.ownId);
    const form = new FormData();
    form.set('question', 'receipt');
    form.set('file', new File([PNG], 'receipt.png', { type: 'image/png' }));
    const res = await t.app.request(`/api/visits/${id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${t.tokens.auditor}` }, body: form });
    expect(res.status).toBe(201);
    const { id: evidenceId } = await res.json();
    expect((await (await t.call('auditor', 'GET', `/api/visits/${id}`)).json()).answers).toEqual({ receipt: String(evidenceId) });
  });

  it('refuses unknown questions (422), viewers (403), and files of visits the caller cannot see (404)', async () => {
    const id = await assign(t, f.ownId);
    const unknown = await upload(t, 'auditor', id, 'nope', PNG, 'image/png');
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.details.field).toBe('question');
    const viewer = await t.app.request(`/api/visits/${id}/evidence?question=receipt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.viewer}`, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(viewer.status).toBe(403);
    const stored = await (await upload(t, 'auditor', id, 'receipt', PNG, 'image/png')).json();
    expect((await t.call('viewer', 'GET', stored.url)).status).toBe(404);
    expect((await t.call('marketer', 'GET', `/api/visits/${id}/evidence/999`)).status).toBe(404);
  });
});

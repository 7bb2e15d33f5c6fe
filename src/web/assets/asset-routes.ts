import { Hono } from 'hono';
import type { Assets } from './build-assets.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** GET /assets/<name>.<hash>.<ext>: the in-memory bundle; names change with content, so caches keep them forever. */
export function assetRoutes(assets: Assets) {
  return new Hono().get('/:file', (c) => {
    const asset = assets.byPath.get(c.req.path);
    if (!asset) return c.text('no such asset', 404);
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const headers: Record<string, string> = { 'content-type': asset.contentType, 'cache-control': IMMUTABLE, vary: 'Accept-Encoding' };
    if (gzip) headers['content-encoding'] = 'gzip';
    return c.body(new Uint8Array(gzip ? asset.gzip : asset.body), 200, headers);
  });
}

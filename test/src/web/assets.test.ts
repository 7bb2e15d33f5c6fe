import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assetRoutes } from '../../../src/web/assets/asset-routes.ts';
import { webAssets } from '../../../src/web/assets/build-assets.ts';

const web = new Hono().route('/assets', assetRoutes(webAssets()));

describe('bundled assets', () => {
  it('names the script and stylesheet by content hash, bundles htmx, and serves them immutable, gzipped on request', async () => {
    const { scriptPath, stylePath } = webAssets();
    expect(scriptPath).toMatch(/^\/assets\/app\.[A-Z0-9]{8}\.js$/);
    expect(stylePath).toMatch(/^\/assets\/styles\.[A-Z0-9]{8}\.css$/);

    const plain = await web.request(scriptPath);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('set-cookie')).toBeNull();
    const script = await plain.text();
    expect(script).toContain('htmx');
    expect(script).toContain('rs_tz');

    const zipped = await web.request(stylePath, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toContain('.skip-link');
  });

  it('answers 404 for a name that is not in the bundle (an old hash, say)', async () => {
    expect((await web.request('/assets/app.00000000.js')).status).toBe(404);
  });
});

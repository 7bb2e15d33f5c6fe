import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { EmptyState } from '../../../src/web/ui/empty-state.tsx';
import { FlashMessage, setFlash, takeFlash } from '../../../src/web/ui/flash.tsx';
import { Pagination } from '../../../src/web/ui/pagination.tsx';

const html = (node: unknown) => String(node ?? '');

describe('shared partials', () => {
  it('pagination links to the first and the next page, and shows nothing for a single page', () => {
    const pageHref = (cursor: string | null) => (cursor ? `/changes?kind=price&cursor=${cursor}` : '/changes?kind=price');
    const middle = html(Pagination({ shown: 50, cursor: 'abc', nextCursor: 'def', pageHref, noun: 'changes' }));
    expect(middle).toContain('Showing 50 changes');
    expect(middle).toContain('href="/changes?kind=price"');
    expect(middle).toContain('href="/changes?kind=price&amp;cursor=def" rel="next"');
    const first = html(Pagination({ shown: 50, cursor: null, nextCursor: 'def', pageHref }));
    expect(first).not.toContain('First page');
    expect(html(Pagination({ shown: 3, cursor: null, nextCursor: null, pageHref }))).toBe('');
  });

  it('escapes strangers’ text in partials', () => {
    const evil = '<img src=x onerror=alert(1)>';
    expect(html(EmptyState({ title: evil, hint: evil }))).not.toContain('<img');
    expect(html(FlashMessage({ flash: { kind: 'error', text: evil } }))).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('a flash survives one redirect and is shown once; a forged cookie is ignored', async () => {
    const app = new Hono();
    app.post('/save', (c) => {
      setFlash(c, { kind: 'success', text: 'Saved.' });
      return c.redirect('/list', 303);
    });
    app.get('/list', (c) => c.json(takeFlash(c)));
    const cookie = (await app.request('/save', { method: 'POST' })).headers.get('set-cookie')!.split(';')[0]!;
    const shown = await app.request('/list', { headers: { cookie } });
    expect(await shown.json()).toEqual({ kind: 'success', text: 'Saved.' });
    expect(shown.headers.get('set-cookie')).toMatch(/^rs_flash=; Max-Age=0/);
    const forged = Buffer.from(JSON.stringify({ kind: 'script', text: 'x' })).toString('base64url');
    expect(await (await app.request('/list', { headers: { cookie: `rs_flash=${forged}` } })).json()).toBeNull();
    expect(await (await app.request('/list', { headers: { cookie: 'rs_flash=%%%' } })).json()).toBeNull();
  });
});

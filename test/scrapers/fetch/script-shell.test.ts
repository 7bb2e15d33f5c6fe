import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isScriptShell, visibleText } from '../../../scrapers/fetch/script-shell.ts';

const paragraph = '<p>Freshly roasted arabica beans from Brazil, medium roast, notes of chocolate and nuts. </p>';

describe('isScriptShell', () => {
  it('recognises an empty mount point with a bundle', () => {
    expect(isScriptShell(readFileSync(new URL('../../fixtures/fetch/spa-shell.html', import.meta.url), 'utf8'))).toBe(true);
  });

  it('recognises a page with hardly any visible text, however much script it carries', () => {
    expect(isScriptShell(`<html><body><h1>Shop</h1><script>${'var a=1;'.repeat(5000)}</script></body></html>`)).toBe(true);
  });

  it('accepts a server-rendered product page', () => {
    const page = `<html><body><div id="root"><h1>Espresso 250 g</h1>${paragraph.repeat(5)}<p class="price">49,90 zł</p></div><script src="/app.js"></script></body></html>`;
    expect(isScriptShell(page)).toBe(false);
  });

  it('reads visible text without scripts, styles and comments', () => {
    expect(visibleText('<html><head><title>t</title></head><body><style>p{}</style><!-- c --><p>a&nbsp;b</p><script>x()</script></body></html>')).toBe('a b');
  });
});

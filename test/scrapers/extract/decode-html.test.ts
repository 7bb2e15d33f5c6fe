import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../scrapers/extract/decode-html.ts';
import { extractOffer } from '../../../scrapers/extract/extract-offer.ts';

const page = (body: string, head = ''): string => `<!doctype html><html><head>${head}<title>t</title></head><body>${body}</body></html>`;
const POLISH = 'Zażółć gęślą jaźń - brak w magazynie, cena 1 234,56 zł';
const CZECH = 'Příliš žluťoučký kůň úpěl ďábelské ódy. Není skladem, cena 2 999 Kč';
const HUNGARIAN = 'Árvíztűrő tükörfúrógép. Nincs készleten, ár 12.345 Ft';
const FRENCH = 'Crème brûlée à la française, épuisé, prix 19,99 €';

describe('decodeHtml', () => {
  it('honours the HTTP charset over a contradicting meta charset', () => {
    const bytes = iconv.encode(page(POLISH, '<meta charset="windows-1252">'), 'iso-8859-2');
    expect(decodeHtml(bytes, 'text/html; charset=ISO-8859-2')).toContain(POLISH);
  });

  it('reads <meta charset> and http-equiv Content-Type when HTTP names no charset', () => {
    const a = iconv.encode(page(POLISH, '<meta charset="windows-1250">'), 'windows-1250');
    expect(decodeHtml(a, 'text/html')).toContain(POLISH);
    const b = iconv.encode(page(CZECH, '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">'), 'iso-8859-2');
    expect(decodeHtml(b)).toContain(CZECH);
  });

  it('treats latin1 / us-ascii labels as windows-1252 like browsers do', () => {
    const bytes = iconv.encode(page('Prix: 19,99 € – “promo”'), 'windows-1252');
    expect(decodeHtml(bytes, 'text/html; charset=iso-8859-1')).toContain('19,99 € – “promo”');
  });

  it('uses UTF-8 when the bytes are valid UTF-8 and nothing is declared', () => {
    expect(decodeHtml(new TextEncoder().encode(page(HUNGARIAN)))).toContain(HUNGARIAN);
  });

  it('a byte-order mark wins over declarations', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(POLISH), 'utf8')]);
    expect(decodeHtml(bytes, 'text/html; charset=windows-1250')).toContain(POLISH);
  });

  it.each([
    ['windows-1250', POLISH],
    ['iso-8859-2', POLISH],
    ['windows-1250', CZECH],
    ['iso-8859-2', CZECH],
    ['windows-1252', FRENCH],
  ])('detects undeclared %s text: %s', (encoding, text) => {
    expect(decodeHtml(iconv.encode(page(`<p>${text}</p>`), encoding))).toContain(text);
  });

  it('uses <html lang> to choose the Central European code page for undeclared pages', () => {
    const html = `<html lang="hu"><head></head><body><p>${HUNGARIAN}</p></body></html>`;
    expect(decodeHtml(iconv.encode(html, 'windows-1250'))).toContain(HUNGARIAN);
    expect(decodeHtml(iconv.encode(html, 'iso-8859-2'))).toContain(HUNGARIAN);
  });

  it('refuses a declared UTF-7 (as browsers do): smuggled markup stays text and never becomes the product name', () => {
    const smuggled = '+ADw-h1+AD4-Injected+ADw-/h1+AD4- <span class="price">9.99 EUR</span>';
    for (const [body, header] of [
      [page(smuggled, '<meta charset="utf-7">'), undefined],
      [page(smuggled), 'text/html; charset=UTF-7'],
      [page(smuggled, '<meta http-equiv="Content-Type" content="text/html; charset=x-unicode-1-1-utf-7">'), undefined],
    ] as const) {
      const html = decodeHtml(Buffer.from(body, 'latin1'), header);
      expect(html).toContain('+ADw-h1+AD4-Injected');
      expect(html).not.toContain('<h1>Injected');
      expect(extractOffer({ html, url: 'https://shop.example/p' }).offer.name).not.toBe('Injected');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parseLenientJson } from '../../../scrapers/extract/lenient-json.ts';

describe('parseLenientJson', () => {
  it('keeps numbers as their exact source text', () => {
    expect(parseLenientJson('{"price": 19.90, "n": 1e3, "ok": true, "none": null}')).toEqual([{ price: '19.90', n: '1e3', ok: true, none: null }]);
  });

  it('tolerates comments, HTML comment and CDATA wrappers, trailing and missing commas', () => {
    const text = `<!--//--><![CDATA[//><!--
      { /* product */ "name": "A", // note
        "sku": "X1",, "tags": ["a" , "b",] "price": "9.99", }
      //--><!]]>`;
    expect(parseLenientJson(text)).toEqual([{ name: 'A', sku: 'X1', tags: ['a', 'b'], price: '9.99' }]);
  });

  it('reads single quotes, unquoted keys, raw newlines, bad escapes and unescaped inner quotes', () => {
    const text = `{name: 'Monitor 27" curved', 'desc': "line one
line two \\' ok", "size": "17" screen"}`;
    expect(parseLenientJson(text)).toEqual([{ name: 'Monitor 27" curved', desc: "line one\nline two ' ok", size: '17" screen' }]);
  });

  it('returns every top-level value and what it could read of a truncated one', () => {
    expect(parseLenientJson('{"a": "1"} {"b": ["x", {"c": "2"')).toEqual([{ a: '1' }, { b: ['x', { c: '2' }] }]);
  });

  it('decodes \\u escapes', () => {
    expect(parseLenientJson('{"name": "K\\u00c4RCHER \\u0026 Co"}')).toEqual([{ name: 'KÄRCHER & Co' }]);
  });
});

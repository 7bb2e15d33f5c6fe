import { describe, expect, it } from 'vitest';
import { csvRecords, detectDelimiter } from '../../../src/catalogue/csv-records.ts';

async function records(chunks: string[], delimiter = ',') {
  async function* source() {
    yield* chunks;
  }
  const out = [];
  for await (const record of csvRecords(source(), delimiter)) out.push(record);
  return out;
}

describe('csvRecords', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, with the line each record starts on', async () => {
    const text = 'name,note\r\n"Kávovar, černý","řekl ""ano""\r\na ještě"\r\n\r\nMlýnek,x\n';
    expect(await records([text])).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Kávovar, černý', 'řekl "ano"\r\na ještě'] },
      { line: 5, fields: ['Mlýnek', 'x'] },
    ]);
  });

  it('gives the same records however the text is split into chunks', async () => {
    const text = 'a;b\n"x;""y""\nz";2\r\nlast;3';
    const whole = await records([text], ';');
    const split = await records(text.split(''), ';');
    expect(split).toEqual(whole);
    expect(whole).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x;"y"\nz', '2'] },
      { line: 4, fields: ['last', '3'] },
    ]);
  });

  it('detects comma, semicolon and tab from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('name,price,gtin')).toBe(',');
    expect(detectDelimiter('Název;Cena;EAN')).toBe(';');
    expect(detectDelimiter('"a,b";c;d')).toBe(';');
    expect(detectDelimiter('id\ttitle\tprice')).toBe('\t');
  });
});

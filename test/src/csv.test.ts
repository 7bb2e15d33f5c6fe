import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../src/csv.ts';

describe('CSV cells', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('＝1+1')).toBe("'＝1+1");
  });

  it('keeps plain numbers numeric and quotes separators', () => {
    expect(csvCell('-2.09')).toBe('-2.09');
    expect(csvCell(-9.5)).toBe('-9.5');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell({ points: 'worse' })).toBe('"{""points"":""worse""}"');
    expect(csvLine([1, 'x', true])).toBe('1,x,true\r\n');
  });
});

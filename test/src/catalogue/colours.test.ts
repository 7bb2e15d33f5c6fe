import { describe, expect, it } from 'vitest';
import { coloursOf } from '../../../src/catalogue/colours.ts';

describe('colours', () => {
  it('maps Czech forms of every gender and English words to one colour', () => {
    expect([...coloursOf(['cerna', 'cerny', 'cerne', 'black'])]).toEqual(['black']);
    expect([...coloursOf(['bila', 'white'])]).toEqual(['white']);
    expect([...coloursOf(['ruzova', 'seda'])]).toEqual(['pink', 'grey']);
  });

  it('does not read colour into other words', () => {
    expect([...coloursOf(['bil', 'sedak', 'redukce', 'cernobila'])]).toEqual([]);
  });
});

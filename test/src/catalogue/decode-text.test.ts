import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../src/catalogue/decode-text.ts';

async function decode(chunks: Uint8Array[], encoding?: Parameters<typeof decodeText>[1]) {
  async function* source() {
    yield* chunks;
  }
  let text = '';
  for await (const part of decodeText(source(), encoding)) text += part;
  return text;
}

describe('decodeText', () => {
  it('drops a UTF-8 BOM and decodes characters split across chunks', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('název;cena\nŽluťoučký kůň;10', 'utf8')]);
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5, 27), bytes.subarray(27)];
    expect(await decode(chunks)).toBe('název;cena\nŽluťoučký kůň;10');
  });

  it('recognises Excel exports in Windows-1250 (Czech) and Windows-1252 (French)', async () => {
    const czech = iconv.encode('Název;Cena\nŽluťoučký kůň úpěl ďábelské ódy;199,90', 'windows-1250');
    expect(detectEncoding(czech)).toBe('windows-1250');
    expect(await decode([czech])).toBe('Název;Cena\nŽluťoučký kůň úpěl ďábelské ódy;199,90');
    const french = iconv.encode('Nom;Prix\nCafé à la crème, façon garçon;3,50', 'windows-1252');
    expect(detectEncoding(french)).toBe('windows-1252');
    expect(await decode([french])).toBe('Nom;Prix\nCafé à la crème, façon garçon;3,50');
  });

  it('takes valid UTF-8 as UTF-8 even when the sample ends inside a character, and honours a given encoding', async () => {
    const bytes = Buffer.from('cena 100 Kč', 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf8');
    expect(await decode([iconv.encode('čaj', 'windows-1250')], 'windows-1250')).toBe('čaj');
  });
});

import iconv from 'iconv-lite';

/** Encodings a catalogue file may come in; Excel saves "CSV" in the Windows code page of its locale. */
export type TextEncoding = 'utf8' | 'utf16le' | 'windows-1250' | 'windows-1252';

/** Bytes typical of Central European text in Windows-1250 (č ř ě ů ď ť ň ł ą ś ż ę and capitals) … */
const CENTRAL = new Set([0xe8, 0xf8, 0xec, 0xf9, 0xc8, 0xd8, 0xcc, 0xd9, 0x9d, 0xef, 0xf2, 0xb3, 0xb9, 0x9c, 0xbf, 0xea, 0x8a, 0x8e]);
/** … and of Western European text in Windows-1252 (à â ç ë î ñ õ ã ß and capitals). */
const WESTERN = new Set([0xe0, 0xe2, 0xe7, 0xeb, 0xee, 0xf1, 0xf5, 0xe3, 0xdf, 0xc0, 0xc2, 0xc7, 0xd1]);

function isUtf8(sample: Uint8Array): boolean {
  // A multi-byte character may be cut at the end of the sample: drop an incomplete tail.
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back] as number;
    if ((byte & 0xc0) === 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (back < need) end -= back;
      break;
    }
    if ((byte & 0xc0) !== 0x80) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Guesses the encoding of a file from its first bytes: a BOM, valid UTF-8, else the likelier Windows code page. */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (isUtf8(sample)) return 'utf8';
  let central = 0;
  let western = 0;
  for (const byte of sample) {
    if (CENTRAL.has(byte)) central++;
    else if (WESTERN.has(byte)) western++;
  }
  return central > western ? 'windows-1250' : 'windows-1252';
}

/** Bytes looked at before the encoding is decided. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Decodes a byte stream to text chunks, detecting the encoding from the first 64 KiB unless one is given; a BOM is
 * dropped. Multi-byte characters split across chunks are decoded whole.
 */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>, encoding?: TextEncoding): AsyncGenerator<string> {
  let decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  let sample: Buffer[] = [];
  let sampled = 0;
  const start = () => {
    const head = Buffer.concat(sample);
    sample = [];
    decoder = iconv.getDecoder(encoding ?? detectEncoding(head), { stripBOM: true });
    return decoder.write(head);
  };
  for await (const chunk of bytes) {
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let text: string;
    if (decoder) text = (decoder as ReturnType<typeof iconv.getDecoder>).write(buffer);
    else {
      sample.push(buffer);
      sampled += buffer.length;
      if (!encoding && sampled < SAMPLE_BYTES) continue;
      text = start();
    }
    if (text) yield text;
  }
  const head = decoder ? '' : start();
  if (head) yield head;
  const rest = (decoder as ReturnType<typeof iconv.getDecoder> | null)?.end();
  if (rest) yield rest;
}

/** A JSON value as read from a page; numbers stay as their exact source text so prices never pass through floats. */
export type JsonValue = string | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/**
 * Parses the JSON that shops really put in `<script type="application/ld+json">`: tolerates comments,
 * HTML comment and CDATA wrappers, trailing or missing commas, single quotes, unquoted keys, raw control
 * characters and bad escapes in strings, several top-level values and truncated input. Returns every
 * top-level value it could read.
 */
/** Deepest nesting read; deeper throws a RangeError. */
export const MAX_NESTING = 200;

export function parseLenientJson(text: string): JsonValue[] {
  let i = 0;
  let depth = 0;

  function skip(): void {
    for (;;) {
      while (i < text.length && /[\s,;]/.test(text[i] as string)) i++;
      if (text.startsWith('//', i)) i = endOf('\n', i);
      else if (text.startsWith('/*', i)) i = endOf('*/', i);
      else if (text.startsWith('<!--', i)) i += 4;
      else if (text.startsWith('-->', i)) i += 3;
      else if (text.startsWith('<![CDATA[', i)) i += 9;
      else if (text.startsWith(']]>', i)) i += 3;
      else return;
    }
  }

  function endOf(marker: string, from: number): number {
    const at = text.indexOf(marker, from + 2);
    return at < 0 ? text.length : at + marker.length;
  }

  function str(quote: string): string {
    let out = '';
    i++;
    while (i < text.length && !(text[i] === quote && closes(i + 1))) {
      const c = text[i] as string;
      if (c === '\\' && i + 1 < text.length) {
        const e = text[i + 1] as string;
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        out += ESCAPES[e] ?? e;
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    i++;
    return out;
  }

  /** A quote closes a string only when what follows can follow a string: shops forget to escape quotes ("17" screen"). */
  function closes(from: number): boolean {
    const m = /^[ \t\r\n]*([^ \t\r\n]?)/.exec(text.slice(from, from + 200));
    return !m?.[1] || /[,}\]:]/.test(m[1]) || m[0].includes('\n');
  }

  function key(): string {
    const c = text[i];
    if (c === '"' || c === "'") return str(c);
    const m = /^[^\s:,{}[\]]+/.exec(text.slice(i, i + 200));
    i += m ? m[0].length : 1;
    return m ? m[0] : '';
  }

  function obj(): { [key: string]: JsonValue } {
    const out: { [key: string]: JsonValue } = {};
    i++;
    for (skip(); i < text.length && text[i] !== '}'; skip()) {
      if (text[i] === ']') return out;
      const k = key();
      skip();
      if (text[i] === ':') i++;
      skip();
      if (text[i] === '}') break;
      out[k] = value();
    }
    i++;
    return out;
  }

  function arr(): JsonValue[] {
    const out: JsonValue[] = [];
    i++;
    for (skip(); i < text.length && text[i] !== ']'; skip()) {
      if (text[i] === '}') return out;
      out.push(value());
    }
    i++;
    return out;
  }

  function nested<T>(read: () => T): T {
    // Structured data nests a dozen levels; thousands (often unclosed) are a broken or hostile block, and every reader after this one recurses too.
    if (++depth > MAX_NESTING) throw new RangeError(`JSON nested deeper than ${MAX_NESTING} levels`);
    try {
      return read();
    } finally {
      depth--;
    }
  }

  function value(): JsonValue {
    const c = text[i];
    if (c === '{') return nested(obj);
    if (c === '[') return nested(arr);
    if (c === '"' || c === "'") return str(c);
    const m = /^[^\s,{}[\]:]+/.exec(text.slice(i, i + 100));
    if (!m) {
      i++;
      return null;
    }
    i += m[0].length;
    if (m[0] === 'true' || m[0] === 'false') return m[0] === 'true';
    return m[0] === 'null' || m[0] === 'undefined' ? null : m[0];
  }

  const values: JsonValue[] = [];
  for (skip(); i < text.length; skip()) {
    const c = text[i];
    if (c === '{' || c === '[') values.push(value());
    else i++;
  }
  return values;
}

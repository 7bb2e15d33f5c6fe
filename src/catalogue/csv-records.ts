/** One CSV record and the physical line it starts on (1-based; a quoted field may span several lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The delimiter a header line uses: tab, semicolon or comma, whichever occurs most outside quotes. */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/**
 * Splits streamed text into RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks;
 * CRLF, LF and CR end records; blank lines are skipped. Holds one record in memory at a time.
 */
export async function* csvRecords(chunks: AsyncIterable<string>, delimiter: string): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let quoteSeen = false;
  let line = 1;
  let recordLine = 1;
  let pendingQuote = false;
  let lastWasCr = false;
  const endField = () => {
    fields.push(field);
    field = '';
    quoteSeen = false;
  };
  for await (const chunk of chunks) {
    const out: CsvRecord[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      if (pendingQuote) {
        pendingQuote = false;
        if (ch === '"') {
          field += '"';
          continue;
        }
        quoted = false;
      }
      if (quoted) {
        if (ch === '"') pendingQuote = true;
        else {
          if (ch === '\n' && !lastWasCr) line++;
          else if (ch === '\r') line++;
          lastWasCr = ch === '\r';
          field += ch;
        }
        continue;
      }
      if (ch === '\n' && lastWasCr) {
        lastWasCr = false;
        continue;
      }
      lastWasCr = ch === '\r';
      if (ch === '"' && field === '' && !quoteSeen) {
        quoted = true;
        quoteSeen = true;
      } else if (ch === delimiter) endField();
      else if (ch === '\n' || ch === '\r') {
        endField();
        if (fields.length > 1 || fields[0] !== '') out.push({ line: recordLine, fields });
        fields = [];
        line++;
        recordLine = line;
      } else field += ch;
    }
    yield* out;
  }
  if (field !== '' || fields.length > 0 || quoteSeen) {
    endField();
    if (fields.length > 1 || fields[0] !== '') yield { line: recordLine, fields };
  }
}

// The two tabular formats, written a page at a time.
// CSV (RFC 4180): a header row, records ending in CRLF, a field quoted when it holds a comma, a double
// quote, CR or LF, and its quotes doubled. UTF-8 without a byte-order mark: RFC 4180 and the
// `charset=utf-8` content type already say the encoding, and a BOM ends up inside the first header name
// for most parsers and Unix tools (`?bom=true` adds one for spreadsheets that guess the encoding).
// This writer is ours rather than csv-stringify: the quoting rule is one regular expression, and
// what a library would bring (a per-record Transform stream, its own casts — booleans become "1"/"")
// is not what we need: a page is formatted into one string and written with backpressure (stream.ts).
// Cells: null or missing → empty; strings as they are; numbers and booleans as JSON writes them; a list
// of scalars or a JSON value → its JSON text. Formula injection (OWASP "CSV injection"): a text cell
// starting with =, +, -, @, tab or CR is what a spreadsheet runs as a formula — and partners write free
// text (notes, references) that brands open in spreadsheets — so such a cell gets a leading apostrophe,
// which spreadsheets show as text; numbers are never touched. `keepFormulas` (`?keepFormulas=true`)
// writes text verbatim, for programs that parse the file (NDJSON is always verbatim).
// NDJSON: one flat JSON object per row, keys = the column headers, missing values → null.
// A failure after the first byte ends the stream with a marker line (see `errorMarker`).
import type { Column } from './rows';

export type FormatName = 'csv' | 'ndjson';

export interface TabularFormat {
  name: FormatName;
  contentType: string;
  extension: string;
  /** What precedes the first row (CSV: the header row). */
  header(columns: readonly Column[], bom: boolean): string;
  /** One page of rows, as a few strings of about CHUNK_CHARS each. */
  rows(rows: readonly unknown[][], columns: readonly Column[], options?: CellOptions): string[];
  /** The last line of an export that failed after its first byte. */
  errorMarker(code: string, message: string, rowsWritten: number): string;
}

export interface CellOptions {
  /** Text that a spreadsheet would run as a formula is written as it is (default: neutralised). */
  keepFormulas?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A page is written as strings of about this many characters, each joined once from its lines: V8 puts
 * a string over ~128 kB straight into the old generation, where a page's text would stay until the next
 * full collection, and a string grown by `+=` is a rope whose pieces outlive young collections.
 */
export const CHUNK_CHARS = 32 * 1024;

function chunked(rows: readonly unknown[][], line: (row: readonly unknown[]) => string): string[] {
  const chunks: string[] = [];
  let lines: string[] = [];
  let size = 0;
  for (const row of rows) {
    const text = line(row);
    lines.push(text);
    size += text.length;
    if (size >= CHUNK_CHARS) {
      chunks.push(lines.join(''));
      lines = [];
      size = 0;
    }
  }
  if (lines.length) chunks.push(lines.join(''));
  return chunks;
}

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(value: unknown, keepFormulas: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return keepFormulas || !FORMULA_START.test(value) ? value : `'${value}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const csv: TabularFormat = {
  name: 'csv',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  header: (columns, bom) => `${bom ? '\uFEFF' : ''}${columns.map((c) => csvField(c.header)).join(',')}\r\n`,
  rows: (rows, _columns, options) => {
    const keep = options?.keepFormulas ?? false;
    return chunked(rows, (row) => `${row.map((value) => csvField(cellText(value, keep))).join(',')}\r\n`);
  },
  // A record of one field that starts with "#ERROR": it cannot pass for data (a strict parser refuses its
  // field count whenever the export has more than one column) and says what happened.
  errorMarker: (code, message, rowsWritten) => `${csvField(`#ERROR ${code}: ${message} (after ${rowsWritten} rows)`)}\r\n`,
};

const ndjson: TabularFormat = {
  name: 'ndjson',
  contentType: 'application/x-ndjson',
  extension: 'ndjson',
  header: () => '',
  rows(rows, columns) {
    const keys = columns.map((c) => `${JSON.stringify(c.header)}:`);
    return chunked(rows, (row) => `{${keys.map((key, i) => key + JSON.stringify(row[i] ?? null)).join(',')}}\n`);
  },
  // Rows are flat objects of the columns; this one has a single key, "error", which no row has.
  errorMarker: (code, message, rowsWritten) => `${JSON.stringify({ error: { code, message, rows: rowsWritten } })}\n`,
};

export const FORMATS: Readonly<Record<FormatName, TabularFormat>> = { csv, ndjson };

export function formatNamed(name: unknown): TabularFormat | undefined {
  return typeof name === 'string' && Object.hasOwn(FORMATS, name) ? FORMATS[name as FormatName] : undefined;
}

// Watermarks a download with its reader: who (subject), for which supplier, when, and the access-log row
// (whose id is the watermark id). PDFs get the line stamped at the foot of every page and appended to
// the document's Keywords metadata; CSV and plain text get it as a first line, `# ` + the line.
import { PDFDocument, StandardFonts, degrees, grayscale } from 'pdf-lib';

export interface WatermarkFacts {
  subject: string;
  supplierId: string | null;
  at: Date;
  accessId: string;
}

export const WATERMARK_PREFIX = 'CMGRAPH-WATERMARK';

/**
 * `CMGRAPH-WATERMARK subject=<subject>; supplier=<supplier id or "-">; at=<ISO-8601 UTC>; access=<access id>`;
 * in values, `%`, `;`, `=` and control characters are percent-encoded so the line stays one parseable line.
 */
export function watermarkLine(facts: WatermarkFacts): string {
  const value = (text: string) => text.replace(/[%;=\p{Cc}]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `${WATERMARK_PREFIX} subject=${value(facts.subject)}; supplier=${facts.supplierId ?? '-'}; at=${facts.at.toISOString()}; access=${facts.accessId}`;
}

export async function watermarkContent(contentType: string, content: Uint8Array, line: string, at: Date): Promise<Uint8Array> {
  return contentType === 'application/pdf' ? watermarkPdf(content, line, at) : watermarkText(content, line);
}

const BOM = [0xef, 0xbb, 0xbf];

/** `# <line>` first, with the file's own line ending (CRLF if it uses one); a UTF-8 BOM stays first. */
export function watermarkText(content: Uint8Array, line: string): Uint8Array {
  const bytes = Buffer.from(content);
  const hasBom = BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  return Buffer.concat([Buffer.from(hasBom ? BOM : []), Buffer.from(`# ${line}${eol}`, 'utf8'), body]);
}

export async function watermarkPdf(content: Uint8Array, line: string, at: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(content, { updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  // the standard font speaks WinAnsi only: anything else is drawn as "?" (the metadata keeps it exact)
  const drawable = new Set(font.getCharacterSet());
  const text = [...line].map((c) => (drawable.has(c.codePointAt(0)!) ? c : '?')).join('');
  for (const page of pdf.getPages()) {
    const box = page.getCropBox();
    const rotation = ((page.getRotation().angle % 360) + 360) % 360;
    const across = rotation === 90 || rotation === 270 ? box.height : box.width;
    const size = Math.min(7, (across - 24) / font.widthOfTextAtSize(text, 1));
    // the foot of the page as the reader sees it, whichever way the page is rotated
    const origin = {
      0: { x: box.x + 12, y: box.y + 8 },
      90: { x: box.x + box.width - 8, y: box.y + 12 },
      180: { x: box.x + box.width - 12, y: box.y + box.height - 8 },
      270: { x: box.x + 8, y: box.y + box.height - 12 },
    }[rotation as 0 | 90 | 180 | 270] ?? { x: box.x + 12, y: box.y + 8 };
    page.drawText(text, { ...origin, size, font, color: grayscale(0.35), opacity: 0.85, rotate: degrees(rotation) });
  }
  const keywords = pdf.getKeywords();
  pdf.setKeywords([...(keywords ? [keywords] : []), line]);
  pdf.setModificationDate(at);
  return pdf.save();
}

// What an upload may carry: a PDF, CSV or plain-text file of at most MAX_DOCUMENT_BYTES, sent as strict
// base64. A PDF must be one pdf-lib can open and stamp (not encrypted, at least one page), a text file
// valid UTF-8 — so every stored document can be watermarked when it is downloaded.
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '@cmgraph/platform';
import { WATERMARK_PREFIX, watermarkPdf } from './watermark';

/** 1 MiB decoded: its base64 (≈1.4 MB) fits the subgraph's 2 MB JSON body limit. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'text/csv', 'text/plain'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function documentContentType(value: string): DocumentContentType {
  const type = value.trim().toLowerCase();
  if (!(DOCUMENT_CONTENT_TYPES as readonly string[]).includes(type)) {
    throw AppError.badInput('contentType', `must be one of ${DOCUMENT_CONTENT_TYPES.join(', ')}`);
  }
  return type as DocumentContentType;
}

/** The bytes of strict base64 (line breaks allowed), at most MAX_DOCUMENT_BYTES of them. */
export function decodeDocumentContent(base64: string): Buffer {
  const compact = base64.replace(/\s+/g, '');
  if (compact.length > Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4) {
    throw AppError.badInput('contentBase64', `the file exceeds ${MAX_DOCUMENT_BYTES} bytes`, { maxBytes: MAX_DOCUMENT_BYTES });
  }
  if (!compact.length || !BASE64.test(compact)) throw AppError.badInput('contentBase64', 'is not base64 of a non-empty file');
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw AppError.badInput('contentBase64', `the file exceeds ${MAX_DOCUMENT_BYTES} bytes`, { maxBytes: MAX_DOCUMENT_BYTES });
  }
  return bytes;
}

/** Refuses content that does not match its type, or that could not be watermarked on download. */
export async function checkDocumentContent(contentType: DocumentContentType, bytes: Buffer): Promise<void> {
  if (contentType === 'application/pdf') {
    let pages: number;
    try {
      // a trial watermark: what a download will do must work on this file, or it is not stored
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('no PDF header');
      pages = (await PDFDocument.load(await watermarkPdf(bytes, WATERMARK_PREFIX, new Date()))).getPageCount();
    } catch (error) {
      const encrypted = (error as Error).name === 'EncryptedPDFError';
      throw AppError.badInput('contentBase64', encrypted ? 'an encrypted PDF cannot be watermarked' : 'is not a readable PDF');
    }
    if (pages === 0) throw AppError.badInput('contentBase64', 'the PDF has no pages');
    return;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw AppError.badInput('contentBase64', `${contentType} content must be UTF-8 text`);
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file name, not a path: 1–255 characters, no slashes or control characters. */
export function documentFileName(value: string): string {
  const name = value.trim();
  if (!name || name.length > 255 || /[\\/\p{Cc}]/u.test(name) || name === '.' || name === '..') {
    throw AppError.badInput('fileName', 'must be a file name of 1–255 characters without slashes or control characters');
  }
  return name;
}

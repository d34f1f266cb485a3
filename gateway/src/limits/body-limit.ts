// The request body limit, in front of Apollo Server: a Content-Length over the limit is refused before
// a byte of the body is read; a body without one (chunked) is parsed by express.json up to the limit.
// Either way the answer is a coded GraphQL error, HTTP 413, PAYLOAD_TOO_LARGE.
import express, { type RequestHandler, type Response } from 'express';
import type { LimitErrorCode } from './errors';

export function jsonBodyLimit(maxBytes: number): RequestHandler {
  const parse = express.json({ limit: maxBytes });
  return (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      tooLarge(res, maxBytes, declared);
      // nothing more will be read: close the connection rather than drain an attacker's upload
      res.once('finish', () => req.destroy());
      return;
    }
    parse(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
        tooLarge(res, maxBytes, undefined);
        return;
      }
      next(error as Error | undefined);
    });
  };
}

function tooLarge(res: Response, limit: number, actual: number | undefined): void {
  res
    .status(413)
    .set('connection', 'close')
    .json({
      errors: [
        {
          message: `The request body exceeds ${limit} bytes.`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' satisfies LimitErrorCode, limit, ...(actual !== undefined ? { actual } : {}) },
        },
      ],
    });
}

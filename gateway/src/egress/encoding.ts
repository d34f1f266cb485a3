// The content coding of an export: gzip when the client accepts it (browsers, BI tools, `curl --compressed`,
// Node's fetch), identity otherwise (no Accept-Encoding, or `gzip;q=0`). CSV and NDJSON shrink several times
// over, which is most of a large export's time on a real network. The gzip stream is flushed at the end of
// every page so that a reader sees rows as they come, and its backpressure is the socket's: the export asks
// for the next page only once both have taken the last one.
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';

export type ContentCoding = 'gzip' | 'identity';

/** The coding the request accepts, gzip preferred (Accept-Encoding negotiation as Express does it). */
export function contentCodingOf(req: Request): ContentCoding {
  return req.acceptsEncodings('gzip', 'identity') === 'gzip' ? 'gzip' : 'identity';
}

/** Where an export's text goes once its headers are set. */
export interface ExportSink {
  /** False when the reader is behind: wait for `drained()` before the next page. */
  write(chunk: string): boolean;
  /** Makes what was written so far readable by the client (the end of a page). */
  flush(): void;
  drained(): Promise<void>;
  end(chunk?: string): void;
}

/** Opens the response body in `coding`; sets Content-Encoding and Vary. */
export function openSink(res: Response, coding: ContentCoding): ExportSink {
  res.vary('accept-encoding');
  if (coding === 'identity') {
    return {
      write: (chunk) => res.write(chunk),
      flush: () => undefined,
      drained: () => drained(res, res),
      end: (chunk) => void (chunk === undefined ? res.end() : res.end(chunk)),
    };
  }
  res.set('content-encoding', 'gzip');
  const gzip = zlib.createGzip();
  // the client going away destroys the response, and pipeline the gzip stream with it
  pipeline(gzip, res, () => undefined);
  return {
    write: (chunk) => (gzip.destroyed ? false : gzip.write(chunk)),
    flush: () => {
      if (!gzip.destroyed) gzip.flush(zlib.constants.Z_SYNC_FLUSH);
    },
    drained: () => drained(gzip, res),
    end: (chunk) => {
      if (gzip.destroyed) return;
      if (chunk === undefined) gzip.end();
      else gzip.end(chunk);
    },
  };
}

/** Resolves when `stream` drains or the response closes (the client went away). */
function drained(stream: NodeJS.WritableStream, res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      res.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    res.on('close', done);
  });
}

/**
 * A loopback HTTP server for download tests: serves given bytes at given paths with Range
 * support, and can misbehave on demand (cut a connection mid-file, corrupt a file, ignore
 * Range, serve slowly).
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  method: string;
  path: string;
  range: string | null;
  ifRange: string | null;
}

export interface ServerFaults {
  /** Path → byte count after which the connection is dropped (once per path). */
  cutOnceAfter: Map<string, number>;
  /** Paths served with one byte flipped. */
  corrupt: Set<string>;
  /** Answer every GET with the whole file (200), as some servers do. */
  ignoreRange: boolean;
  /** Serve bodies in chunks of this size with `chunkDelayMs` between them (0: all at once). */
  chunkBytes: number;
  chunkDelayMs: number;
  /** Answer model paths with a 302 to `/cdn/<path>`, as the Hugging Face hub does for LFS files. */
  redirectToCdn: boolean;
}

export class ModelFileServer {
  readonly requests: LoggedRequest[] = [];
  readonly faults: ServerFaults = {
    cutOnceAfter: new Map(),
    corrupt: new Set(),
    ignoreRange: false,
    chunkBytes: 0,
    chunkDelayMs: 0,
    redirectToCdn: false,
  };
  /** Body bytes written to sockets so far. */
  bytesSent = 0;
  private readonly server: Server;
  private readonly files: Map<string, Uint8Array>;

  constructor(files: ReadonlyMap<string, Uint8Array>) {
    this.files = new Map(files);
    this.server = createServer((request, response) => this.handle(request, response));
  }

  /** Serves new bytes at a path (a new upstream revision); its ETag changes with them. */
  replaceFile(urlPath: string, bytes: Uint8Array): void {
    this.files.set(urlPath, bytes);
  }

  /** Starts on a random loopback port and returns the base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const range = request.headers.range ?? null;
    const ifRangeHeader = request.headers['if-range'];
    const ifRange = typeof ifRangeHeader === 'string' ? ifRangeHeader : null;
    this.requests.push({ method: request.method ?? 'GET', path: urlPath, range, ifRange });
    if (this.faults.redirectToCdn && !urlPath.startsWith('/cdn/') && this.files.has(urlPath)) {
      response.writeHead(302, { Location: `/cdn${urlPath}` }).end();
      return;
    }
    const original = this.files.get(urlPath.replace(/^\/cdn(?=\/)/, ''));
    if (!original) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    let body = Buffer.from(original);
    if (this.faults.corrupt.has(urlPath)) {
      body = Buffer.from(body);
      const middle = Math.floor(body.length / 2);
      body[middle] = (body[middle] ?? 0) ^ 0xff;
    }
    const etag = `"${createHash('sha256').update(original).digest('hex').slice(0, 16)}"`;
    // RFC 9110 If-Range: a validator that no longer matches means "send the whole new file".
    const rangeStillValid = ifRange === null || ifRange === etag;
    let start = 0;
    const match =
      range && rangeStillValid && !this.faults.ignoreRange ? /^bytes=(\d+)-$/.exec(range) : null;
    if (match?.[1]) {
      start = Number(match[1]);
      if (start >= body.length) {
        response.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
        return;
      }
    }
    const slice = body.subarray(start);
    const headers: Record<string, string | number> = {
      'Content-Length': slice.length,
      'Content-Type': 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      ETag: etag,
    };
    if (match) headers['Content-Range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    response.writeHead(match ? 206 : 200, headers);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const cutAfter = this.faults.cutOnceAfter.get(urlPath);
    if (cutAfter !== undefined) {
      this.faults.cutOnceAfter.delete(urlPath);
      const part = slice.subarray(0, Math.max(0, cutAfter - start));
      this.bytesSent += part.length;
      response.write(part, () => response.socket?.destroy());
      return;
    }
    void this.sendBody(response, slice);
  }

  private async sendBody(response: ServerResponse, slice: Buffer): Promise<void> {
    const step = this.faults.chunkBytes > 0 ? this.faults.chunkBytes : slice.length;
    for (let offset = 0; offset < slice.length; offset += step) {
      if (response.destroyed) return;
      const chunk = slice.subarray(offset, offset + step);
      this.bytesSent += chunk.length;
      const more = response.write(chunk);
      if (this.faults.chunkDelayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.faults.chunkDelayMs));
      } else if (!more) {
        await new Promise((resolve) => response.once('drain', resolve));
      }
    }
    response.end();
  }
}

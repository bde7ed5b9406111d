// Guards the stdio transport: passes well-framed LSP messages through and skips a header it cannot use, so the server never goes deaf.
import { Transform, type TransformCallback } from "stream";

/**
 * Why a guard in front of vscode-jsonrpc's reader: after a header block without a usable Content-Length (missing,
 * "abc", negative) that reader reports an error and keeps the rest of the bad message in its buffer, where it fails
 * on every later chunk. The server stays alive but never answers again, which an editor cannot tell from a hang and so
 * never restarts. The guard re-emits every message it can frame, byte for byte, and on a bad header drops bytes up to
 * the next `Content-Length: <digits>\r\n`: that text cannot occur inside a JSON body (JSON escapes raw line breaks in
 * strings), so the next real message is found again. A body that is not JSON is left to the reader, which skips it.
 */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** A header block longer than this without its blank line is not a header. */
const MAX_HEADER_BYTES = 64 * 1024;
const HEADER_END = Buffer.from("\r\n\r\n", "ascii");
const RESYNC = /Content-Length:[ \t]*\d+[ \t]*\r\n/i;
/** Bytes kept while resyncing, in case a chunk ends inside the next message's "Content-Length: 123\r". */
const RESYNC_TAIL = 40;

export class FramingGuard extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  /**
   * Chunks of a body whose length is known but that has not fully arrived, joined once it has: joining on every chunk
   * copied a 20 MB didOpen ~300 times over (12 s before the document's first diagnostics).
   */
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  private bodyLength = -1;
  private headerLength = 0;
  private resyncing = false;

  constructor(private readonly report: (message: string) => void) {
    super();
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    if (this.bodyLength >= 0 && this.pending.length + this.waitingBytes + bytes.length < this.headerLength + this.bodyLength) {
      this.waiting.push(bytes);
      this.waitingBytes += bytes.length;
      done();
      return;
    }
    this.pending = this.pending.length || this.waiting.length ? Buffer.concat([this.pending, ...this.waiting, bytes]) : bytes;
    this.waiting = [];
    this.waitingBytes = 0;
    try {
      this.drain();
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  private drain(): void {
    for (;;) {
      if (this.resyncing && !this.resync()) return;
      if (this.bodyLength < 0) {
        const end = this.pending.indexOf(HEADER_END);
        if (end < 0) {
          if (this.pending.length > MAX_HEADER_BYTES) this.skip(`a message header longer than ${MAX_HEADER_BYTES} bytes`, this.pending.length);
          return;
        }
        const length = contentLength(this.pending.subarray(0, end).toString("ascii"));
        if (typeof length === "string") {
          this.skip(length, end + HEADER_END.length);
          continue;
        }
        this.headerLength = end + HEADER_END.length;
        this.bodyLength = length;
      }
      const total = this.headerLength + this.bodyLength;
      if (this.pending.length < total) return;
      this.push(this.pending.subarray(0, total));
      this.pending = this.pending.subarray(total);
      this.bodyLength = -1;
    }
  }

  /** Drops a bad header block (`consumed` bytes) and looks for the next message from there. */
  private skip(why: string, consumed: number): void {
    this.report(`ignored an LSP message: ${why}; reading on from the next Content-Length header`);
    this.pending = this.pending.subarray(consumed);
    this.resyncing = true;
  }

  /** Moves to the next `Content-Length:` header; false while none has arrived yet. */
  private resync(): boolean {
    const text = this.pending.toString("latin1");
    const m = RESYNC.exec(text);
    if (!m) {
      if (this.pending.length > RESYNC_TAIL) this.pending = this.pending.subarray(this.pending.length - RESYNC_TAIL);
      return false;
    }
    // latin1 maps bytes to code units one to one, so the match index is a byte offset.
    this.pending = this.pending.subarray(m.index);
    this.resyncing = false;
    return true;
  }
}

/** The Content-Length of a header block, or why it has none that can be used. */
function contentLength(header: string): number | string {
  let value: string | undefined;
  for (const line of header.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) return `a header line without "name: value" (${JSON.stringify(line.slice(0, 40))})`;
    if (line.slice(0, colon).trim().toLowerCase() === "content-length") value = line.slice(colon + 1).trim();
  }
  if (value === undefined) return "a header without Content-Length";
  if (!/^\d+$/.test(value)) return `Content-Length ${JSON.stringify(value.slice(0, 20))} is not a byte count`;
  const n = Number(value);
  if (n > MAX_MESSAGE_BYTES) return `Content-Length ${n} is above the ${MAX_MESSAGE_BYTES}-byte limit`;
  return n;
}

// The stdio framing guard: well-formed messages pass byte for byte, however they are split; bad headers are skipped.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { FramingGuard, MAX_MESSAGE_BYTES } from "../../server/src/lsp/stdioFraming";

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Feeds `chunks` through a guard and returns what came out and what it reported. */
async function through(chunks: Array<string | Buffer>): Promise<{ out: string; reports: string[] }> {
  const reports: string[] = [];
  const guard = new FramingGuard((m) => reports.push(m));
  const parts: Buffer[] = [];
  guard.on("data", (b: Buffer) => parts.push(b));
  const ended = new Promise((resolve) => guard.on("end", resolve));
  for (const c of chunks) guard.write(c);
  guard.end();
  await ended;
  return { out: Buffer.concat(parts).toString("utf8"), reports };
}

test("well-formed messages pass unchanged: two in one chunk, one split inside its header and inside a multi-byte character", async () => {
  const a = frame('{"jsonrpc":"2.0","method":"a"}');
  const b = frame('{"jsonrpc":"2.0","method":"é😀"}');
  assert.deepEqual(await through([a + b]), { out: a + b, reports: [] });
  const bytes = Buffer.from(a + b, "utf8");
  const cuts = [3, 17, a.length + 5, bytes.length - 3];
  const chunks = cuts.map((c, i) => bytes.subarray(i ? cuts[i - 1] : 0, c)).concat([bytes.subarray(cuts[cuts.length - 1])]);
  assert.deepEqual(await through(chunks), { out: a + b, reports: [] });
  // Other headers and any case of the name.
  const typed = `content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}`;
  assert.deepEqual(await through([typed]), { out: typed, reports: [] });
});

test("a header without a usable Content-Length is skipped and the next message still comes through", async () => {
  const good = frame('{"jsonrpc":"2.0","id":1,"method":"x"}');
  for (const [bad, why] of [
    ["Foo: bar\r\n\r\n{}", /without Content-Length/],
    ["Content-Length: abc\r\n\r\n{}", /"abc" is not a byte count/],
    ["Content-Length: -5\r\n\r\n{}", /"-5" is not a byte count/],
    ["Content-Length: 1.5\r\n\r\n{}", /is not a byte count/],
    [`Content-Length: ${MAX_MESSAGE_BYTES + 1}\r\n\r\n{}`, /above the/],
    ["garbage\r\n\r\n{}", /without "name: value"/],
  ] as const) {
    const { out, reports } = await through([bad + good + good]);
    assert.equal(out, good + good, bad);
    assert.equal(reports.length, 1, bad);
    assert.match(reports[0], why);
  }
  // The next header arrives in pieces after the bad one.
  const { out } = await through(["Foo: bar\r\n\r\n{}Content-Le", "ngth: 37\r", "\n\r\n" + good.slice(good.indexOf("{")), good]);
  assert.equal(out, good + good);
});

test("a header block that never ends is dropped once it is too long to be one, and reading resumes", async () => {
  const good = frame("{}");
  const { out, reports } = await through(["x".repeat(70 * 1024), good]);
  assert.equal(out, good);
  assert.match(reports[0], /longer than/);
});

test("a large message in many chunks passes unchanged, joined once rather than on every chunk", async () => {
  const body = JSON.stringify({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { text: "# é\n".repeat(500_000) } });
  const message = Buffer.from(frame(body) + frame('{"jsonrpc":"2.0","method":"next"}'), "utf8");
  const chunks: Buffer[] = [];
  for (let at = 0; at < message.length; at += 65_536) chunks.push(message.subarray(at, at + 65_536));
  // Bytes copied by Buffer.concat while the guard runs: linear in the message, not in message × chunks.
  const concat = Buffer.concat;
  let copied = 0;
  Buffer.concat = (list: readonly Uint8Array[], totalLength?: number) => {
    const out = concat(list, totalLength);
    copied += out.length;
    return out;
  };
  let result: Awaited<ReturnType<typeof through>>;
  try {
    result = await through(chunks);
  } finally {
    Buffer.concat = concat;
  }
  copied -= message.length; // through() joins what came out once itself
  assert.equal(result.out, message.toString("utf8"));
  assert.deepEqual(result.reports, []);
  assert.ok(chunks.length > 30, `${chunks.length} chunks`);
  assert.ok(copied <= 2 * message.length, `the guard copied ${copied} bytes for a ${message.length}-byte message`);
});

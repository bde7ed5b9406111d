// A minimal test harness for the extension host (mocha is not a dependency): tests register here, index.ts runs them.
export type TestBody = () => Promise<void> | void;

interface Registered {
  name: string;
  body: TestBody;
  timeout: number;
}

const registered: Registered[] = [];

/** Registers a test; they run in registration order, one at a time. */
export function test(name: string, body: TestBody, timeout = 60_000): void {
  registered.push({ name, body, timeout });
}

/** Runs every registered test and prints TAP-like lines; resolves to the number of failures. */
export async function runRegistered(log: (line: string) => void = console.log): Promise<number> {
  let failed = 0;
  log(`1..${registered.length}`);
  for (const [i, t] of registered.entries()) {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(t.body),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${t.timeout} ms`)), t.timeout))),
      ]);
      log(`ok ${i + 1} - ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      log(`not ok ${i + 1} - ${t.name} (${Date.now() - started} ms)`);
      log(`  ${(e instanceof Error ? (e.stack ?? e.message) : String(e)).replace(/\n/g, "\n  ")}`);
    } finally {
      clearTimeout(timer);
    }
  }
  log(`${registered.length - failed} passed, ${failed} failed`);
  return failed;
}

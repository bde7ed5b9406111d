// Shared helpers for the parser tests: parse a snippet with the shared tree-sitter parser, and strip ranges.
import { parseModule } from "../../server/src/parse/parseModule";
import type { Expr, ModuleModel, Range, Stmt } from "../../server/src/parse/model";
import { pythonParser } from "../../server/src/parse/treeSitter";

export async function parse(text: string, file = "/virtual/settings.py"): Promise<ModuleModel> {
  const parser = await pythonParser();
  const { model, tree } = parseModule(parser, file, text);
  tree.delete();
  return model;
}

/** "line:char-line:char", for compact range assertions. */
export function span(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** A deep copy without `range`, `nameRange` and `raw`, so structure can be compared with deepEqual. */
export function bare<T>(v: T): T {
  return JSON.parse(JSON.stringify(v, (k, x) => (k === "range" || k === "nameRange" || k === "raw" ? undefined : x)));
}

export function only<K extends Stmt["kind"]>(stmts: Stmt[], kind: K): Extract<Stmt, { kind: K }> {
  if (stmts.length !== 1 || stmts[0].kind !== kind) throw new Error(`expected one ${kind}, got ${JSON.stringify(bare(stmts))}`);
  return stmts[0] as Extract<Stmt, { kind: K }>;
}

/** The value expression of the statement that assigns `name`. */
export function valueOf(model: ModuleModel, name: string): Expr {
  for (const s of model.statements) {
    if (s.kind === "assign" && s.targets.some((t) => t.name === name)) return s.value;
  }
  throw new Error(`${name} is not assigned`);
}

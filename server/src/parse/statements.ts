// Turns tree-sitter statement nodes into the module model's Stmt IR: assignments, mutations, imports, branches.
import type { Node } from "web-tree-sitter";
import { namedKids, toExpr, toParams } from "./expressions";
import type { Expr, ImportedName, Keyword, ModuleRef, Stmt, Target } from "./model";
import { rangeOf } from "./ranges";

/** Methods that change a list, dict or set in place; anything else called on a setting is left alone. */
const MUTATORS = new Set([
  "append",
  "insert",
  "extend",
  "remove",
  "update",
  "pop",
  "clear",
  "add",
  "discard",
  "setdefault",
]);

export function toStatements(block: Node | null): Stmt[] {
  const out: Stmt[] = [];
  if (!block) return out;
  for (const child of block.namedChildren) {
    const stmt = child && childStatement(child);
    if (stmt) out.push(stmt);
  }
  return out;
}

/** One child of a module or block as a statement, or undefined for comments, `pass` and the like. */
export function childStatement(child: Node): Stmt | undefined {
  if (child.type === "comment" || child.isMissing) return undefined;
  if (child.type === "ERROR") {
    // Names that look assigned inside code that does not parse are unknown from here on, rather than silently
    // keeping an inherited value (an unclosed bracket swallows the rest of the file into one ERROR node).
    const binds = assignedInError(child);
    return binds.length ? { kind: "opaque", binds, body: [], what: "syntax-error", range: rangeOf(child) } : undefined;
  }
  return toStatement(child);
}

function toStatement(node: Node): Stmt | undefined {
  const range = rangeOf(node);
  switch (node.type) {
    case "expression_statement":
      return expressionStatement(node);
    case "import_statement":
      return {
        kind: "import",
        names: node.childrenForFieldName("name").flatMap((n) => {
          if (!n) return [];
          if (n.type === "aliased_import") {
            const name = n.childForFieldName("name");
            const alias = n.childForFieldName("alias");
            return name ? [{ module: name.text, alias: alias?.text, range: rangeOf(n) }] : [];
          }
          return [{ module: n.text, range: rangeOf(n) }];
        }),
        range,
      };
    case "import_from_statement":
      return importFrom(node);
    case "future_import_statement":
      return undefined;
    case "if_statement":
      return ifStatement(node);
    case "try_statement":
      return tryStatement(node);
    case "delete_statement": {
      const targets: Target[] = [];
      for (const t of namedKids(node)) {
        const list = t.type === "expression_list" ? namedKids(t) : [t];
        for (const x of list) {
          const target = toTarget(x);
          if (target) targets.push(target);
        }
      }
      return { kind: "del", targets, range };
    }
    case "function_definition":
      return functionDef(node, []);
    case "class_definition":
      return classDef(node, []);
    case "decorated_definition": {
      const def = node.childForFieldName("definition");
      const decorators = node.namedChildren.filter((c) => c?.type === "decorator").flatMap((c) => {
        const e = c && namedKids(c)[0];
        return e ? [toExpr(e)] : [];
      });
      if (def?.type === "function_definition") return functionDef(def, decorators, range);
      if (def?.type === "class_definition") return classDef(def, decorators, range);
      return def ? toStatement(def) : undefined;
    }
    case "for_statement": {
      const left = node.childForFieldName("left");
      const right = node.childForFieldName("right");
      const body = toStatements(node.childForFieldName("body"));
      const binds = left ? boundNames(left) : [];
      const plain = !!left && (left.type === "identifier" || ((left.type === "pattern_list" || left.type === "tuple_pattern") && namedKids(left).every((n) => n.type === "identifier")));
      const alt = node.childForFieldName("alternative");
      const loop =
        plain && right && !node.children.some((c) => c?.type === "async")
          ? { names: binds, iter: toExpr(right), control: hasLoopControl(node.childForFieldName("body")), orelse: toStatements(alt?.childForFieldName("body") ?? null) }
          : undefined;
      return { kind: "opaque", binds, body, what: "for", range, ...(loop ? { loop } : {}) };
    }
    case "while_statement":
      return { kind: "opaque", binds: [], body: toStatements(node.childForFieldName("body")), what: "while", range };
    case "with_statement": {
      const binds: string[] = [];
      for (const item of node.descendantsOfType("as_pattern_target")) if (item) binds.push(...boundNames(item));
      const withItems: Expr[] = [];
      for (const item of node.descendantsOfType("with_item")) {
        const v = item?.childForFieldName("value");
        if (!v) continue;
        const ctx = v.type === "as_pattern" ? namedKids(v)[0] : v;
        if (ctx) withItems.push(toExpr(ctx));
      }
      // The body of a with-block runs once, unconditionally: keep its statements, mark the as-targets unknown.
      return { kind: "opaque", binds, body: toStatements(node.childForFieldName("body")), what: "with", range, withItems };
    }
    case "return_statement": {
      const v = namedKids(node)[0];
      return { kind: "return", value: v ? toExpr(v) : undefined, range };
    }
    case "raise_statement": {
      const v = namedKids(node)[0];
      const callee = v?.type === "call" ? v.childForFieldName("function") : v;
      const type = callee && (callee.type === "identifier" || callee.type === "attribute") ? callee.text : undefined;
      return { kind: "raise", type, range };
    }
    case "global_statement":
    case "nonlocal_statement":
    case "pass_statement":
    case "assert_statement":
    case "break_statement":
    case "continue_statement":
    case "print_statement":
    case "exec_statement":
      return undefined;
    default:
      return undefined;
  }
}

function functionDef(node: Node, decorators: Expr[], range = rangeOf(node)): Stmt | undefined {
  const name = node.childForFieldName("name");
  if (!name) return undefined;
  const params = toParams(node.childForFieldName("parameters"), 0);
  const bodyNode = node.childForFieldName("body");
  const isAsync = node.children.some((c) => c?.type === "async");
  // A def whose parameters do not parse cleanly binds its name to something the interpreter cannot call.
  if (!params) return { kind: "opaque", binds: [name.text], body: [], what: "function_definition", range };
  const globals: string[] = [];
  collectGlobals(bodyNode, globals);
  return { kind: "def", name: name.text, params, body: toStatements(bodyNode), globals, decorators, isAsync, nameRange: rangeOf(name), range };
}

function classDef(node: Node, decorators: Expr[], range = rangeOf(node)): Stmt | undefined {
  const name = node.childForFieldName("name");
  if (!name) return undefined;
  const bases: Expr[] = [];
  const keywords: Keyword[] = [];
  const supers = node.childForFieldName("superclasses");
  for (const a of supers ? namedKids(supers) : []) {
    if (a.type === "keyword_argument") {
      const k = a.childForFieldName("name");
      const v = a.childForFieldName("value");
      if (k && v) keywords.push({ name: k.text, value: toExpr(v), range: rangeOf(a) });
    } else bases.push(toExpr(a));
  }
  return { kind: "class", name: name.text, bases, keywords, body: toStatements(node.childForFieldName("body")), decorators, nameRange: rangeOf(name), range };
}

/** `global X, Y` anywhere in a function body, not inside nested defs or classes (they have their own scope). */
function collectGlobals(node: Node | null, out: string[]): void {
  if (!node) return;
  for (const c of node.namedChildren) {
    if (!c || c.type === "function_definition" || c.type === "class_definition" || c.type === "decorated_definition") continue;
    if (c.type === "global_statement") for (const n of namedKids(c)) out.push(n.text);
    else collectGlobals(c, out);
  }
}

/** A break or continue that belongs to this loop (not to a nested loop or def). */
function hasLoopControl(node: Node | null): boolean {
  if (!node) return false;
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === "break_statement" || c.type === "continue_statement") return true;
    if (c.type === "for_statement" || c.type === "while_statement" || c.type === "function_definition" || c.type === "class_definition" || c.type === "decorated_definition") continue;
    if (hasLoopControl(c)) return true;
  }
  return false;
}

function expressionStatement(node: Node): Stmt | undefined {
  const range = rangeOf(node);
  // Error recovery can splice the next line into a broken one: `X = [1, 2` followed by `D = 4` parses as `X = 4`.
  // A simple statement holding an ERROR or MISSING node has no trustworthy value, so it is skipped like the error.
  if (node.hasError) return undefined;
  const inner = namedKids(node)[0];
  if (!inner) return undefined;
  if (inner.type === "assignment") return assignment(inner, range);
  if (inner.type === "augmented_assignment") {
    const left = inner.childForFieldName("left");
    const right = inner.childForFieldName("right");
    const op = inner.childForFieldName("operator");
    const target = left && toTarget(left);
    if (!target || !right || !op) return undefined;
    return { kind: "augassign", target, op: op.text.replace(/=$/, ""), value: toExpr(right), range };
  }
  if (inner.type === "call") {
    const call = toExpr(inner);
    if (call.t !== "call") return undefined;
    if (call.fn.t === "attr" && MUTATORS.has(call.fn.attr)) {
      const target = exprToTarget(call.fn.obj);
      if (target) return { kind: "mutate", target, method: call.fn.attr, args: call.args, kwargs: call.kwargs, range };
    }
    return { kind: "call", call, range };
  }
  return undefined;
}

function assignment(node: Node, range: Stmt["range"]): Stmt | undefined {
  // `A = B = value` nests assignments on the right; collect every target and take the innermost value.
  const lefts: Node[] = [];
  let cur: Node | null = node;
  let annotated = false;
  while (cur && cur.type === "assignment") {
    const left = cur.childForFieldName("left");
    if (left) lefts.push(left);
    if (cur.childForFieldName("type")) annotated = true;
    const right: Node | null = cur.childForFieldName("right");
    if (!right) return undefined; // `X: int` declares without assigning
    if (right.type !== "assignment") {
      cur = right;
      break;
    }
    cur = right;
  }
  if (!cur) return undefined;
  const value = toExpr(cur);
  const single = lefts.filter((l) => !isPattern(l));
  if (lefts.length === 1 && isPattern(lefts[0])) {
    return { kind: "unpack", targets: namedKids(lefts[0]).map((n) => toTarget(n) ?? null), value, range };
  }
  const targets = single.map((l) => toTarget(l)).filter((t): t is Target => !!t);
  if (targets.length === 0 && lefts.length === 1 && lefts[0].type === "attribute") {
    const left = toExpr(lefts[0]);
    const target = left.t === "attr" ? exprToTarget(left.obj) : undefined;
    if (left.t === "attr" && target) return { kind: "setattr", target, attr: left.attr, value, range };
  }
  if (targets.length === 0 && lefts.length === 1 && lefts[0].type === "subscript") {
    // `globals()[k] = v`, `vars(mod)["X"] = v`: an item set on something that is not a name.
    const left = toExpr(lefts[0]);
    if (left.t === "sub") return { kind: "setitem", obj: left.obj, index: left.index, value, range };
  }
  if (targets.length === 0) return undefined;
  return { kind: "assign", targets, value, annotated, range };
}

function isPattern(n: Node): boolean {
  return n.type === "pattern_list" || n.type === "tuple_pattern" || n.type === "list_pattern";
}

/** `NAME`, `NAME[k]`, `NAME[k1][k2]`: the forms a setting can be written through. Attributes are not settings. */
export function toTarget(node: Node): Target | undefined {
  return exprToTarget(toExpr(node));
}

function exprToTarget(e: Expr): Target | undefined {
  const path: Expr[] = [];
  let cur = e;
  while (cur.t === "sub") {
    path.unshift(cur.index);
    cur = cur.obj;
  }
  if (cur.t !== "name") return undefined;
  return { name: cur.id, path, range: e.range, nameRange: cur.range };
}

function boundNames(node: Node): string[] {
  if (node.type === "identifier") return [node.text];
  return node.descendantsOfType("identifier").flatMap((n) => (n ? [n.text] : []));
}

function moduleRef(node: Node | null): ModuleRef {
  if (!node) return { level: 0, name: "" };
  if (node.type === "relative_import") {
    const prefix = node.children.find((c) => c?.type === "import_prefix");
    const dotted = node.children.find((c) => c?.type === "dotted_name");
    return { level: prefix ? prefix.text.length : 0, name: dotted?.text ?? "" };
  }
  return { level: 0, name: node.text };
}

function importFrom(node: Node): Stmt {
  const range = rangeOf(node);
  const module = moduleRef(node.childForFieldName("module_name"));
  if (node.children.some((c) => c?.type === "wildcard_import")) return { kind: "importStar", module, range };
  const names: ImportedName[] = [];
  for (const n of node.childrenForFieldName("name")) {
    if (!n) continue;
    if (n.type === "aliased_import") {
      const name = n.childForFieldName("name");
      const alias = n.childForFieldName("alias");
      if (name) names.push({ name: name.text, alias: alias?.text, range: rangeOf(n) });
    } else {
      names.push({ name: n.text, range: rangeOf(n) });
    }
  }
  return { kind: "importFrom", module, names, range };
}

function ifStatement(node: Node): Stmt {
  const branches: Array<{ test?: Expr; body: Stmt[]; range: Stmt["range"] }> = [];
  const cond = node.childForFieldName("condition");
  branches.push({
    test: cond ? toExpr(cond) : { t: "other", kind: "missing-condition", range: rangeOf(node) },
    body: toStatements(node.childForFieldName("consequence")),
    range: rangeOf(node),
  });
  for (const alt of node.childrenForFieldName("alternative")) {
    if (!alt) continue;
    if (alt.type === "elif_clause") {
      const c = alt.childForFieldName("condition");
      branches.push({
        test: c ? toExpr(c) : { t: "other", kind: "missing-condition", range: rangeOf(alt) },
        body: toStatements(alt.childForFieldName("consequence")),
        range: rangeOf(alt),
      });
    } else if (alt.type === "else_clause") {
      branches.push({ body: toStatements(alt.childForFieldName("body")), range: rangeOf(alt) });
    }
  }
  return { kind: "if", branches, range: rangeOf(node) };
}

function tryStatement(node: Node): Stmt {
  const handlers: Array<{ types: string[] | "all"; body: Stmt[]; range: Stmt["range"] }> = [];
  let orelse: Stmt[] = [];
  let finalbody: Stmt[] = [];
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === "except_clause" || c.type === "except_group_clause") {
      const block = c.namedChildren.find((x) => x?.type === "block") ?? null;
      const typeNode = c.namedChildren.find((x) => x && x.type !== "block" && x.type !== "comment") ?? null;
      let types: string[] | "all" = "all";
      if (typeNode) {
        const base = typeNode.type === "as_pattern" ? typeNode.namedChildren[0] : typeNode;
        const list = base && base.type === "tuple" ? namedKids(base) : base ? [base] : [];
        types = list.map((t) => t.text);
      }
      handlers.push({ types, body: toStatements(block), range: rangeOf(c) });
    } else if (c.type === "else_clause") {
      orelse = toStatements(c.childForFieldName("body"));
    } else if (c.type === "finally_clause") {
      finalbody = toStatements(c.namedChildren.find((x) => x?.type === "block") ?? null);
    }
  }
  return { kind: "try", body: toStatements(node.childForFieldName("body")), handlers, orelse, finalbody, range: rangeOf(node) };
}

/** In an ERROR node tree-sitter keeps the tokens flat: an identifier directly followed by `=` was meant as an assignment. */
function assignedInError(node: Node): string[] {
  const out: string[] = [];
  const kids = node.children;
  for (let i = 0; i + 1 < kids.length; i++) {
    const k = kids[i];
    const next = kids[i + 1];
    if (k?.type === "identifier" && next && !next.isNamed && (next.type === "=" || next.type === ":")) out.push(k.text);
  }
  return out;
}

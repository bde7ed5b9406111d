// Turns tree-sitter expression nodes into the module model's Expr IR, decoding Python literals exactly.
import type { Node } from "web-tree-sitter";
import type { CompClause, DictEntry, Expr, Keyword, Param, Range } from "./model";
import { rangeOf } from "./ranges";

/** Deep expressions (a 200-level nested list) are cut off here rather than risking the stack. */
const MAX_DEPTH = 150;

export function toExpr(node: Node, depth = 0): Expr {
  const range = rangeOf(node);
  if (depth > MAX_DEPTH) return { t: "other", kind: "too-deep", range };
  const d = depth + 1;
  switch (node.type) {
    case "named_expression": {
      const name = node.childForFieldName("name");
      const value = node.childForFieldName("value");
      if (!name || !value) return { t: "other", kind: "walrus", range };
      return { t: "walrus", name: name.text, value: toExpr(value, d), range };
    }
    case "parenthesized_expression": {
      const inner = node.namedChildren.find((c) => c && c.type !== "comment");
      return inner ? toExpr(inner, d) : { t: "other", kind: "empty-parens", range };
    }
    case "string":
      return stringExpr(node, d);
    case "concatenated_string":
      return concatenated(node, d);
    case "integer":
      return intExpr(node.text, range);
    case "float":
      return { t: "num", v: Number(node.text.replace(/_/g, "")), float: true, range };
    case "true":
      return { t: "bool", v: true, range };
    case "false":
      return { t: "bool", v: false, range };
    case "none":
      return { t: "none", range };
    case "identifier":
      return { t: "name", id: node.text, range };
    case "list":
    case "set":
      return { t: node.type, items: namedKids(node).map((c) => toExpr(c, d)), range };
    case "tuple":
    case "expression_list":
      return { t: "tuple", items: namedKids(node).map((c) => toExpr(c, d)), range };
    case "dictionary":
      return { t: "dict", entries: dictEntries(node, d), range };
    case "attribute": {
      const obj = node.childForFieldName("object");
      const attr = node.childForFieldName("attribute");
      if (!obj || !attr) return { t: "other", kind: "attribute", range };
      return { t: "attr", obj: toExpr(obj, d), attr: attr.text, range };
    }
    case "subscript": {
      const obj = node.childForFieldName("value");
      const subs = node.childrenForFieldName("subscript").filter((s): s is Node => !!s);
      if (!obj || subs.length !== 1) return { t: "other", kind: "subscript", range };
      return { t: "sub", obj: toExpr(obj, d), index: toExpr(subs[0], d), range };
    }
    case "call":
      return callExpr(node, d);
    case "binary_operator": {
      const l = node.childForFieldName("left");
      const r = node.childForFieldName("right");
      const op = node.childForFieldName("operator");
      if (!l || !r || !op) return { t: "other", kind: "binop", range };
      return { t: "binop", op: op.text, l: toExpr(l, d), r: toExpr(r, d), range };
    }
    case "unary_operator": {
      const arg = node.childForFieldName("argument");
      const op = node.childForFieldName("operator");
      if (!arg || !op) return { t: "other", kind: "unary", range };
      return { t: "unary", op: op.text as "-" | "+" | "~", e: toExpr(arg, d), range };
    }
    case "not_operator": {
      const arg = node.childForFieldName("argument");
      if (!arg) return { t: "other", kind: "not", range };
      return { t: "unary", op: "not", e: toExpr(arg, d), range };
    }
    case "boolean_operator": {
      const l = node.childForFieldName("left");
      const r = node.childForFieldName("right");
      const op = node.childForFieldName("operator");
      if (!l || !r || !op) return { t: "other", kind: "boolop", range };
      return { t: "boolop", op: op.text === "and" ? "and" : "or", l: toExpr(l, d), r: toExpr(r, d), range };
    }
    case "comparison_operator":
      return comparison(node, d);
    case "conditional_expression": {
      const kids = namedKids(node);
      if (kids.length !== 3) return { t: "other", kind: "conditional", range };
      return { t: "cond", body: toExpr(kids[0], d), test: toExpr(kids[1], d), orelse: toExpr(kids[2], d), range };
    }
    case "list_comprehension":
    case "set_comprehension":
    case "dictionary_comprehension":
    case "generator_expression":
      return comprehension(node, d);
    case "slice":
      return sliceExpr(node, d);
    case "lambda": {
      const body = node.childForFieldName("body");
      const params = toParams(node.childForFieldName("parameters"), d);
      if (!body || !params) return { t: "other", kind: "lambda", range };
      return { t: "lambda", params, body: toExpr(body, d), range };
    }
    case "list_splat":
    case "dictionary_splat": {
      const inner = namedKids(node)[0];
      return inner ? { t: "starred", e: toExpr(inner, d), range } : { t: "other", kind: node.type, range };
    }
    default:
      return { t: "other", kind: node.type, range };
  }
}

/** `lower:upper:step`: the parts sit between anonymous ":" tokens, any of them may be missing. */
function sliceExpr(node: Node, depth: number): Expr {
  const parts: Array<Expr | undefined> = [undefined];
  for (const c of node.children) {
    if (!c || c.type === "comment") continue;
    if (!c.isNamed && c.type === ":") parts.push(undefined);
    else if (c.isNamed) parts[parts.length - 1] = toExpr(c, depth);
  }
  if (parts.length < 2 || parts.length > 3) return { t: "other", kind: "slice", range: rangeOf(node) };
  return { t: "slice", lower: parts[0], upper: parts[1], step: parts[2], range: rangeOf(node) };
}

/**
 * The parameters of a def or lambda. Undefined for forms the interpreter would bind wrongly (positional-only `/` is
 * fine to ignore; tuple parameters do not exist in Python 3 and come only from broken code).
 */
export function toParams(node: Node | null, depth: number): Param[] | undefined {
  const out: Param[] = [];
  if (!node) return out;
  let kwOnly = false;
  for (const p of namedKids(node)) {
    switch (p.type) {
      case "identifier":
        out.push({ name: p.text, kind: "plain", kwOnly });
        break;
      case "typed_parameter": {
        const inner = namedKids(p)[0];
        if (!inner) return undefined;
        if (inner.type === "identifier") out.push({ name: inner.text, kind: "plain", kwOnly });
        else if (inner.type === "list_splat_pattern" || inner.type === "dictionary_splat_pattern") {
          const n = namedKids(inner)[0];
          if (!n) return undefined;
          out.push({ name: n.text, kind: inner.type === "list_splat_pattern" ? "varargs" : "kwargs", kwOnly });
          if (inner.type === "list_splat_pattern") kwOnly = true;
        } else return undefined;
        break;
      }
      case "default_parameter":
      case "typed_default_parameter": {
        const name = p.childForFieldName("name");
        const value = p.childForFieldName("value");
        if (!name || !value || name.type !== "identifier") return undefined;
        out.push({ name: name.text, kind: "plain", default: toExpr(value, depth), kwOnly });
        break;
      }
      case "list_splat_pattern": {
        const n = namedKids(p)[0];
        if (!n) return undefined;
        out.push({ name: n.text, kind: "varargs", kwOnly });
        kwOnly = true;
        break;
      }
      case "dictionary_splat_pattern": {
        const n = namedKids(p)[0];
        if (!n) return undefined;
        out.push({ name: n.text, kind: "kwargs", kwOnly });
        break;
      }
      case "keyword_separator":
        kwOnly = true;
        break;
      case "positional_separator":
        break;
      default:
        return undefined;
    }
  }
  return out;
}

/** Named children minus comments, which tree-sitter places anywhere inside brackets. */
export function namedKids(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
}

function intExpr(text: string, range: Range): Expr {
  const clean = text.replace(/_/g, "").toLowerCase();
  let v: number;
  if (clean.startsWith("0x")) v = parseInt(clean.slice(2), 16);
  else if (clean.startsWith("0o")) v = parseInt(clean.slice(2), 8);
  else if (clean.startsWith("0b")) v = parseInt(clean.slice(2), 2);
  else if (clean.endsWith("j")) return { t: "other", kind: "complex", range };
  else v = Number(clean);
  return { t: "num", v, float: false, range };
}

function dictEntries(node: Node, depth: number): DictEntry[] {
  const entries: DictEntry[] = [];
  for (const child of namedKids(node)) {
    if (child.type === "pair") {
      const k = child.childForFieldName("key");
      const v = child.childForFieldName("value");
      if (k && v) entries.push({ k: toExpr(k, depth), v: toExpr(v, depth), range: rangeOf(child) });
    } else if (child.type === "dictionary_splat") {
      const inner = namedKids(child)[0];
      if (inner) entries.push({ spread: toExpr(inner, depth), range: rangeOf(child) });
    }
  }
  return entries;
}

function comprehension(node: Node, depth: number): Expr {
  const range = rangeOf(node);
  const kind = node.type === "list_comprehension" ? "list" : node.type === "set_comprehension" ? "set" : node.type === "dictionary_comprehension" ? "dict" : "generator";
  const body = node.childForFieldName("body");
  if (!body) return { t: "other", kind: node.type, range };
  const clauses: CompClause[] = [];
  for (const c of namedKids(node)) {
    if (c.type === "for_in_clause") {
      const left = c.childForFieldName("left");
      const right = c.childForFieldName("right");
      // Only plain names (and tuples of names) as loop targets; anything else keeps the whole value unknown.
      const names = left ? (left.type === "identifier" ? [left.text] : namedKids(left).map((n) => (n.type === "identifier" ? n.text : ""))) : [];
      if (!right || names.length === 0 || names.includes("")) return { t: "other", kind: node.type, range };
      clauses.push({ for: names, iter: toExpr(right, depth) });
    } else if (c.type === "if_clause") {
      const cond = namedKids(c)[0];
      if (!cond) return { t: "other", kind: node.type, range };
      clauses.push({ if: toExpr(cond, depth) });
    }
  }
  if (kind === "dict") {
    const k = body.childForFieldName("key");
    const v = body.childForFieldName("value");
    if (body.type !== "pair" || !k || !v) return { t: "other", kind: node.type, range };
    return { t: "comp", kind, elt: toExpr(k, depth), value: toExpr(v, depth), clauses, range };
  }
  return { t: "comp", kind, elt: toExpr(body, depth), clauses, range };
}

function callExpr(node: Node, depth: number): Expr {
  const range = rangeOf(node);
  const fn = node.childForFieldName("function");
  const argList = node.childForFieldName("arguments");
  if (!fn || !argList) return { t: "other", kind: "call", range };
  if (fn.type === "list_splat" || fn.type === "dictionary_splat") {
    // tree-sitter-python reads a lone `[*get()]` as a call of `*get`: it is the spread of the call.
    const inner = namedKids(fn)[0];
    if (!inner) return { t: "other", kind: "call", range };
    const call = callParts(inner, argList, range, depth);
    return { t: "starred", e: call, range };
  }
  return callParts(fn, argList, range, depth);
}

function callParts(fn: Node, argList: Node, range: Range, depth: number): Expr {
  const args: Expr[] = [];
  const kwargs: Keyword[] = [];
  let spread = false;
  let onlyKw = true;
  const kwSpreads: Expr[] = [];
  const argSpreads: Array<{ at: number; e: Expr }> = [];
  if (argList.type === "argument_list") {
    for (const a of namedKids(argList)) {
      if (a.type === "keyword_argument") {
        const name = a.childForFieldName("name");
        const value = a.childForFieldName("value");
        if (name && value) kwargs.push({ name: name.text, value: toExpr(value, depth), range: rangeOf(a) });
      } else if (a.type === "list_splat" || a.type === "dictionary_splat") {
        spread = true;
        const inner = namedKids(a)[0];
        if (a.type === "dictionary_splat" && inner) kwSpreads.push(toExpr(inner, depth));
        else {
          onlyKw = false;
          if (inner) argSpreads.push({ at: args.length, e: toExpr(inner, depth) });
        }
      } else {
        args.push(toExpr(a, depth));
      }
    }
  } else {
    spread = true; // a generator argument: f(x for x in y)
    onlyKw = false;
  }
  return { t: "call", fn: toExpr(fn, depth), args, kwargs, spread, ...(spread && onlyKw ? { kwSpreads } : {}), ...(argSpreads.length ? { argSpreads } : {}), range };
}

function comparison(node: Node, depth: number): Expr {
  const range = rangeOf(node);
  const operands: Expr[] = [];
  const ops: string[] = [];
  let pendingNot = false;
  let pendingIs = false;
  for (const c of node.children) {
    if (!c || c.type === "comment") continue;
    if (c.isNamed) {
      operands.push(toExpr(c, depth));
      continue;
    }
    // Operators arrive as anonymous tokens; "not in" and "is not" come either as one token or as two.
    const tok = c.text.replace(/\s+/g, " ");
    if (tok === "not" && !pendingIs) {
      pendingNot = true;
    } else if (tok === "is") {
      pendingIs = true;
      ops.push("is");
    } else if (tok === "not" && pendingIs) {
      ops[ops.length - 1] = "is not";
      pendingIs = false;
    } else if (tok === "in" && pendingNot) {
      ops.push("not in");
      pendingNot = false;
    } else {
      pendingIs = false;
      ops.push(tok);
    }
  }
  if (operands.length !== ops.length + 1) return { t: "other", kind: "comparison", range };
  return { t: "compare", ops, operands, range };
}

function concatenated(node: Node, depth: number): Expr {
  const range = rangeOf(node);
  const parts: Array<string | Expr> = [];
  for (const s of namedKids(node)) {
    const e = stringExpr(s, depth);
    if (e.t === "str") parts.push(e.v);
    else if (e.t === "fstr") parts.push(...e.parts);
    else return { t: "other", kind: "concatenated_string", range };
  }
  if (parts.every((p) => typeof p === "string")) {
    return { t: "str", v: parts.join(""), raw: node.text, range };
  }
  return { t: "fstr", parts, range };
}

function stringExpr(node: Node, depth: number): Expr {
  const range = rangeOf(node);
  if (node.type !== "string") return { t: "other", kind: node.type, range };
  const start = node.children.find((c) => c?.type === "string_start");
  const prefix = (start?.text ?? '"').replace(/["']+$/, "").toLowerCase();
  if (prefix.includes("b")) return { t: "other", kind: "bytes", range };
  const raw = prefix.includes("r");
  const parts: Array<string | Expr> = [];
  for (const c of node.children) {
    if (!c) continue;
    if (c.type === "string_content") parts.push(contentText(c, raw));
    else if (c.type === "escape_sequence") parts.push(raw ? c.text : decodeEscapes(c.text));
    else if (c.type === "interpolation") {
      const e = c.childForFieldName("expression");
      const fmt = c.childForFieldName("format_specifier") ?? c.childForFieldName("type_conversion");
      // A conversion or format spec changes the text; keep the part unknown rather than guess.
      parts.push(e && !fmt ? toExpr(e, depth) : { t: "other", kind: "formatted", range: rangeOf(c) });
    }
  }
  if (parts.every((p) => typeof p === "string")) return { t: "str", v: parts.join(""), raw: node.text, range };
  return { t: "fstr", parts, range };
}

/**
 * The text of a string_content node. In an f-string, tree-sitter marks `{{` and `}}` as escape_interpolation
 * children, which stand for one brace each; the pieces between them are decoded on their own.
 */
function contentText(c: Node, raw: boolean): string {
  const text = c.text;
  const decode = (t: string) => (raw ? t : decodeEscapes(t));
  if (!c.children.some((k) => k?.type === "escape_interpolation")) return decode(text);
  let out = "";
  let pos = 0;
  for (const k of c.children) {
    if (!k || k.type !== "escape_interpolation") continue;
    const at = k.startIndex - c.startIndex;
    out += decode(text.slice(pos, at)) + k.text[0];
    pos = k.endIndex - c.startIndex;
  }
  return out + decode(text.slice(pos));
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\n": "",
};

/** Python's escape rules for str literals; unknown escapes stay as written, as Python keeps them. */
export function decodeEscapes(s: string): string {
  if (!s.includes("\\")) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== "\\" || i + 1 >= s.length) {
      out += ch;
      continue;
    }
    const n = s[i + 1];
    if (n in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[n];
      i++;
    } else if (n === "x" && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (n === "u" && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (n === "U" && /^[0-9a-fA-F]{8}$/.test(s.slice(i + 2, i + 10))) {
      out += String.fromCodePoint(parseInt(s.slice(i + 2, i + 10), 16));
      i += 9;
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m, 8));
      i += m.length;
    } else {
      out += ch;
    }
  }
  return out;
}

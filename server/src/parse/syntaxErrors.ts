// Finds every syntax error tree-sitter's recovery left in a tree, including MISSING tokens no visible node shows.
import type { Node } from "web-tree-sitter";
import type { ParseError } from "./model";
import { rangeOf } from "./ranges";

export const MISSING_LINE_BREAK = "missing line break: two statements share a line with no `;` between them";

/**
 * Pushes the syntax errors in `node`'s subtree onto `out`, unsorted (see sortSyntaxErrors). Only subtrees tree-sitter
 * flags (hasError) are entered, so a clean file costs one call and a broken one only its broken paths; an explicit
 * stack, because an unclosed bracket can nest error nodes deeper than the call stack would like.
 */
export function collectSyntaxErrors(node: Node, out: ParseError[]): void {
  if (!node.hasError) return;
  const stack = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    const kids = n.children.filter((c): c is Node => !!c);
    const brokenKids = kids.filter((c) => c.hasError);
    ownErrors(n, kids, brokenKids.length > 0, out);
    for (let i = brokenKids.length - 1; i >= 0; i--) stack.push(brokenKids[i]);
  }
}

/** Source order, an enclosing error before the ones inside it: the order a full parse and an incremental one agree on. */
export function sortSyntaxErrors(errors: ParseError[]): ParseError[] {
  return errors.sort(
    (a, b) =>
      a.range.startOffset - b.range.startOffset ||
      b.range.endOffset - a.range.endOffset ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** The errors that are `n` itself, or sit in `n` between its visible children; `n` has an error somewhere below. */
function ownErrors(n: Node, kids: Node[], brokenKid: boolean, out: ParseError[]): void {
  if (n.type === "ERROR") {
    out.push({ range: rangeOf(n), message: `cannot parse ${quote(n.text)}` });
    return;
  }
  if (n.isMissing) {
    out.push({ range: rangeOf(n), message: missingMessage(n) });
    return;
  }
  // A MISSING hidden token (tree-sitter-python's _newline, _indent, _dedent) is a child no Node API lists: only the
  // hasError of the node holding it shows. When no child is broken, the token is this node's own, and in a module or
  // block it is (as far as the fuzzers have found) a line break some statement lacks.
  if (n.type === "module" || n.type === "block") {
    if (sharedLines(kids, out) || brokenKid) return;
    out.push(unendedStatement(n, kids));
  } else if (!brokenKid) {
    // Anywhere else no place is known: the node itself says at least where to look.
    out.push({ range: rangeOf(n), message: `incomplete ${n.type.replace(/_/g, " ")}: a token tree-sitter expected is missing` });
  }
}

/**
 * Flags each pair of statements on one line (or joined by a line continuation) with no `;` between; true if any. Rows
 * are compared first and node types read only for kids sharing a row: this runs on every keystroke in a broken module,
 * over all of its top-level statements. A comment ends its line, so it never starts a pair and needs no type check there.
 */
function sharedLines(kids: Node[], out: ParseError[]): boolean {
  let found = false;
  let prev: Node | undefined;
  let prevEndRow = -1;
  let continued = false;
  for (const k of kids) {
    if (prev && (continued || k.startPosition.row === prevEndRow)) {
      const type = k.type;
      // A trailing comment leaves `prev` the last statement of its line; a line continuation joins the next line to it.
      if (type === "comment") continue;
      if (type === "line_continuation") {
        continued = true;
        continue;
      }
      if (isStatement(k) && isStatement(prev)) {
        out.push({ range: endOf(prev), message: MISSING_LINE_BREAK });
        found = true;
      }
    }
    prev = k;
    prevEndRow = k.endPosition.row;
    continued = false;
  }
  return found;
}

/**
 * The statement of a module or block that tree-sitter found no line break after: the first one followed by a character
 * its scanner does not take for a line's end (a vertical tab, a stray BOM), else the last one, as in a one-line block
 * whose line runs on past it (`if x: A = 1` and a vertical tab). Reading the text is fine: this runs only on broken code.
 */
function unendedStatement(n: Node, kids: Node[]): ParseError {
  const statements = kids.filter(isStatement);
  const message = "unfinished statement: tree-sitter expected a line break after it";
  if (statements.length === 0) return { range: endOf(n), message };
  const text = n.text;
  for (let i = 0; i < kids.length; i++) {
    if (!isStatement(kids[i])) continue;
    const gapEnd = i + 1 < kids.length ? kids[i + 1].startIndex : n.endIndex;
    const gap = text.slice(kids[i].endIndex - n.startIndex, gapEnd - n.startIndex);
    if (/[^ \t\r\n\\]/.test(gap)) return { range: endOf(kids[i]), message };
  }
  return { range: endOf(statements[statements.length - 1]), message };
}

function isStatement(k: Node): boolean {
  return k.isNamed && k.type !== "comment" && k.type !== "line_continuation" && k.type !== "ERROR" && !k.isMissing;
}

/** The empty range at a node's end: where a token it lacks would have gone. */
function endOf(n: Node): ParseError["range"] {
  const r = rangeOf(n);
  return { start: r.end, end: r.end, startOffset: r.endOffset, endOffset: r.endOffset };
}

function missingMessage(n: Node): string {
  if (!n.isNamed) return `missing \`${n.type}\``;
  if (n.type === "string_end") return "unterminated string: its closing quote is missing";
  if (n.type === "identifier") return "missing name";
  return `missing ${n.type.replace(/_/g, " ")}`;
}

/** The start of an error's text, to name it in a message: its first line, cut short. */
function quote(text: string): string {
  const line = hideStringContents(text.trim().split(/\r?\n|\r/, 1)[0]);
  const cut = line.length > 40 ? line.slice(0, 40) + "…" : line;
  return cut ? `\`${cut.replace(/`/g, "'")}\`` : "an empty span";
}

/**
 * The fragment with what its quotes enclose shown as `…`: the broken line of a settings module is often a password being
 * typed, and the note quoting it goes to the editor, the terminal and CI logs. This layer cannot tell a secret from a
 * word, so no string content is shown; an unclosed quote hides the rest of the line.
 */
export function hideStringContents(line: string): string {
  let out = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    out += c;
    if (c !== '"' && c !== "'") continue;
    let j = i + 1;
    while (j < line.length && line[j] !== c) j += line[j] === "\\" ? 2 : 1;
    if (j > i + 1) out += "…";
    if (j < line.length) out += c;
    i = j;
  }
  return out;
}

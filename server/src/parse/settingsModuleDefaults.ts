// Finds the DJANGO_SETTINGS_MODULE default that manage.py, wsgi.py and asgi.py set, from their syntax tree.
import type { Node, Parser } from "web-tree-sitter";
import { toExpr } from "./expressions";
import { parsePython } from "./treeSitter";

/**
 * `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.production")` or
 * `os.environ["DJANGO_SETTINGS_MODULE"] = "..."`, anywhere in the file (manage.py does it inside main()).
 */
export function settingsModuleDefaults(parser: Parser, text: string): string[] {
  const tree = parsePython(parser, text);
  try {
    const out: string[] = [];
    const stack: Node[] = [tree.rootNode];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === "call") {
        const e = toExpr(n);
        if (
          e.t === "call" &&
          e.fn.t === "attr" &&
          e.fn.attr === "setdefault" &&
          e.args.length >= 2 &&
          e.args[0].t === "str" &&
          e.args[0].v === "DJANGO_SETTINGS_MODULE" &&
          e.args[1].t === "str"
        ) {
          out.push(e.args[1].v);
        }
      } else if (n.type === "assignment") {
        const left = n.childForFieldName("left");
        const right = n.childForFieldName("right");
        if (left && right) {
          const l = toExpr(left);
          const r = toExpr(right);
          if (l.t === "sub" && l.index.t === "str" && l.index.v === "DJANGO_SETTINGS_MODULE" && r.t === "str") out.push(r.v);
        }
      }
      for (let i = n.namedChildCount - 1; i >= 0; i--) {
        const c = n.namedChild(i);
        if (c) stack.push(c);
      }
    }
    return out;
  } finally {
    tree.delete();
  }
}

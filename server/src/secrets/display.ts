// Shows effective values to people (hover, audit report) with anything secret-looking masked, recursively.
import type { Value } from "../resolve/values";
import { pyRepr } from "../resolve/values";
import { maskEmbeddedSecrets, quotedMask } from "./mask";

/** Setting or key names whose values are treated as secrets when shown. */
const SECRET_NAME = /(KEY|SECRET|TOKEN|PASSWORD|PASS|PASSWD|DSN|CREDENTIALS?|AUTH)$|^(PASSWORD|SECRET_KEY_FALLBACKS)$/i;

/** A short prefix and the length: enough to recognise a value, never enough to use it. */
export function maskString(s: string): string {
  return s.length === 0 ? "''" : quotedMask(s);
}

export function displayValue(name: string, v: Value, depth = 0): string {
  if (depth > 4) return "…";
  const secret = SECRET_NAME.test(name);
  switch (v.k) {
    case "str":
      if (secret) return maskString(v.v);
      // A name that says nothing can still hold a token or a URL password: mask by shape too.
      return pyRepr({ k: "str", v: maskEmbeddedSecrets(v.v) });
    case "list":
    case "tuple":
    case "set": {
      const inner = v.items.map((i) => displayValue(secret ? name : "", i, depth + 1)).join(", ");
      return v.k === "list" ? `[${inner}]` : v.k === "tuple" ? `(${inner}${v.items.length === 1 ? "," : ""})` : `{${inner}}`;
    }
    case "dict":
      return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${displayValue(k.k === "str" ? k.v : name, x, depth + 1)}`).join(", ")}}`;
    case "unknown":
      return v.alternatives?.length ? `one of ${v.alternatives.map((a) => displayValue(name, a, depth + 1)).join(" | ")}` : `unknown (${v.why})`;
    default:
      return pyRepr(v);
  }
}

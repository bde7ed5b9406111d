// What the language status item shows for a server status: short enough that its popup stays inside the window.
import { DISPLAY_KIND_ORDER, type StatusPayload } from "../../server/src/protocol/protocol";

export interface StatusView {
  text: string;
  /** One short line under the text: the popup grows as wide as this, and its "Audit" link sits to its right. */
  detail: string;
  /** The full list, for the link's tooltip (tooltips wrap; the popup does not). */
  tooltip: string;
  /** A configuration error to show instead of the environments. */
  configError?: { file: string; message: string };
}

/** Environment names shown in `detail` before "+N more". */
const SHOWN = 2;
/** Characters of `detail` beyond which names give way to the count. */
const DETAIL_MAX = 60;

export function statusView(p: StatusPayload): StatusView {
  const rank = (kind: string) => {
    const i = DISPLAY_KIND_ORDER.indexOf(kind);
    return i < 0 ? DISPLAY_KIND_ORDER.length : i;
  };
  const envs = p.roots.flatMap((r) => r.environments).sort((a, b) => rank(a.kind) - rank(b.kind));
  const version = p.roots[0]?.djangoVersion ?? "?";
  const count = `${envs.length} environment${envs.length === 1 ? "" : "s"}`;
  const configError = p.roots.find((r) => r.configError)?.configError;
  const tooltip = envs.map((e) => `${e.kind}: ${e.name}`).join("\n");
  if (configError) {
    return { text: "pyproject.toml: configuration error", detail: clip(configError.message), tooltip: configError.message, configError };
  }
  const names: string[] = [];
  for (const e of envs.slice(0, SHOWN)) {
    const next = [...names, `${e.kind}: ${e.name}`].join(", ");
    if (names.length && next.length > DETAIL_MAX) break;
    names.push(`${e.kind}: ${e.name}`);
  }
  const rest = envs.length - names.length;
  const detail = clip(names.join(", ")) + (rest > 0 ? ` +${rest} more` : "");
  return { text: `Django ${version} · ${count}`, detail, tooltip };
}

function clip(s: string): string {
  return s.length > DETAIL_MAX ? `${s.slice(0, DETAIL_MAX - 1)}…` : s;
}

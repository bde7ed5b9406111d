// What the language status item shows for a server status. Its popup puts text, detail and the Audit link on one
// row that starts near the right end of the status bar and is not pulled back into the window (seen in VS Code 1.100):
// the row must stay short whatever the number of environments, so it holds a count and the version, and the names,
// production first, go in the link's tooltip.
import { DISPLAY_KIND_ORDER, type StatusPayload } from "../../server/src/protocol/protocol";

export interface StatusView {
  text: string;
  detail: string;
  /** The environments, production first, one per line, for the link's tooltip (tooltips wrap; the row does not). */
  tooltip: string;
  /** A configuration error to show instead of the environments. */
  configError?: { file: string; message: string };
}

/** Characters of text and detail together: what fits beside the link in the room the popup has (about 500 px; 73 characters cut the link off). */
export const ROW_MAX = 50;

export function statusView(p: StatusPayload): StatusView {
  const rank = (kind: string) => {
    const i = DISPLAY_KIND_ORDER.indexOf(kind);
    return i < 0 ? DISPLAY_KIND_ORDER.length : i;
  };
  const envs = p.roots.flatMap((r) => r.environments).sort((a, b) => rank(a.kind) - rank(b.kind));
  const version = `Django ${(p.roots.find((r) => r.environments.length) ?? p.roots[0])?.djangoVersion ?? "?"}`;
  const text = `${envs.length} environment${envs.length === 1 ? "" : "s"}`;
  const configError = p.roots.find((r) => r.configError)?.configError;
  if (configError) {
    const label = "pyproject.toml error";
    // The message starts with where (the file, the section): the label says that already.
    const what = configError.message.replace(/^.*?pyproject\.toml(?: \[[^\]]*\])?:\s*/, "");
    return { text: label, detail: clip(what, ROW_MAX - label.length), tooltip: configError.message, configError };
  }
  // A workspace without Django settings (a Scrapy project, a library): the server reports nothing there, and says so.
  if (envs.length === 0 && p.roots.length > 0) {
    return { text: "No Django settings", detail: "no diagnostics", tooltip: "Nothing here names or looks like a Django settings module" };
  }
  const tooltip = envs.map((e) => `${e.kind}: ${e.name}`).join("\n");
  // The production module by name when there is one and it fits, else how many there are.
  const production = envs.filter((e) => e.kind === "production");
  let detail = version;
  if (production.length === 1 && text.length + version.length + production[0].name.length + 3 <= ROW_MAX) detail = `${version} · ${production[0].name}`;
  else if (production.length) detail = `${version} · ${production.length} production`;
  return { text, detail, tooltip };
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

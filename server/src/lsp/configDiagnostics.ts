// A broken [tool.django-settings-hygiene] section as a diagnostic on pyproject.toml: at the TOML mistake, else on the section header.
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver";
import { DIAGNOSTIC_SOURCE } from "../protocol/protocol";
// smol-toml ships a CommonJS build (its "require" export), but its type declarations are ESM-only.
 
const { parse: parseToml } = require("smol-toml") as { parse(text: string): unknown };

/**
 * pyproject.toml's `[tool.django-settings-hygiene]` could not be used (config/projectConfig.ts says why): an error on
 * the TOML mistake's position when the file does not parse, else on the section's header, else on the first line.
 */
export function configErrorDiagnostic(text: string, message: string): Diagnostic {
  let line = 0;
  let character = 0;
  let length = 0;
  try {
    parseToml(text);
    const lines = text.split(/\r\n|\r|\n/);
    const header = lines.findIndex((l) => /^\s*\[\s*tool\s*\.\s*["']?django-settings-hygiene["']?\s*[\].]/.test(l));
    if (header >= 0) {
      line = header;
      character = lines[header].length - lines[header].trimStart().length;
      length = lines[header].trim().length;
    }
  } catch (e) {
    const at = e as { line?: number; column?: number };
    if (typeof at.line === "number" && at.line > 0) {
      line = at.line - 1;
      character = Math.max(0, (at.column ?? 1) - 1);
      length = 1;
    }
  }
  return {
    range: { start: { line, character }, end: { line, character: character + length } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: `${message}; the section is ignored until it is fixed`,
  };
}

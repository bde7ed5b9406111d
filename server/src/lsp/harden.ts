// The "Harden production settings" source action: the session's hardened texts as one annotated workspace edit.
import * as path from "path";
import type { AnnotatedTextEdit, ChangeAnnotation, CodeAction, CreateFile, TextDocumentEdit, WorkspaceEdit } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { lineHunks } from "../fixes/diff";
import { HARDEN_KIND } from "../protocol/protocol";
import type { HardenResult } from "../session/harden";
import { fileOf, uriOf } from "./uris";
import type { WorkspaceState } from "./workspace";

/** The action for the document's deployed environment, or undefined when it feeds none or nothing would change. */
export function hardenAction(uri: string, state: WorkspaceState): CodeAction | undefined {
  const result = state.harden(fileOf(uri));
  if (!result || result.changes.length === 0) return undefined;
  const kind = result.kind;
  return { title: `Harden ${kind} settings`, kind: HARDEN_KIND, edit: hardenEdit(result) };
}

/**
 * Line-wise edits per file, each annotated with the file's fix titles and needing confirmation, so the editor previews
 * the whole change before applying it. A file that does not exist yet (.env.example) is created first.
 */
export function hardenEdit(result: HardenResult): WorkspaceEdit {
  const changeAnnotations: Record<string, ChangeAnnotation> = {};
  const documentChanges: Array<TextDocumentEdit | CreateFile> = [];
  for (const c of result.changes) {
    const id = `harden:${path.basename(c.file)}:${documentChanges.length}`;
    const titles = result.applied.filter((f) => f.edits.some((e) => e.file === c.file)).map((f) => f.title);
    changeAnnotations[id] = { label: `Harden ${result.environment}: ${path.basename(c.file)}`, description: titles.join("; "), needsConfirmation: true };
    const uri = uriOf(c.file);
    if (c.created) documentChanges.push({ kind: "create", uri, options: { ignoreIfExists: true }, annotationId: id });
    const doc = TextDocument.create(uri, "python", 0, c.before);
    const edits: AnnotatedTextEdit[] = lineHunks(c.before, c.after).map((h) => ({ range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) }, newText: h.newText, annotationId: id }));
    documentChanges.push({ textDocument: { uri, version: null }, edits });
  }
  return { documentChanges, changeAnnotations };
}

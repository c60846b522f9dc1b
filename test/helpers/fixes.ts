// Helpers for quick-fix tests: the code actions the server offers for a diagnostic, and the
// text of each file after applying an edit.
import { URI, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DISABLE_RULE_COMMAND } from '../../server/src/lsp/code-actions.js';
import type { TestWorkspace } from './workspace.js';

// One withCode for every test (test/helpers/rules.ts); re-exported here for the quick-fix tests.
export { withCode } from './rules.js';

/** The quick fixes for a diagnostic: its code actions but «Desactivar la regla…» (offered for every rule to a client that declares the command). */
export async function codeActions(ws: TestWorkspace, doc: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return (await allCodeActions(ws, doc, diagnostic)).filter(a => a.command?.command !== DISABLE_RULE_COMMAND);
}

export async function allCodeActions(ws: TestWorkspace, doc: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const provider = ws.services.lsp.CodeActionProvider!;
    const result = await provider.getCodeActions(doc, {
        textDocument: { uri: doc.uri.toString() },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] }
    });
    return (result ?? []) as CodeAction[];
}

/** The text of every file the edit touches, after applying it, by file name. */
export function applyEdit(ws: TestWorkspace, edit: WorkspaceEdit): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
        const doc = ws.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
        const text = TextDocument.create(uri, 'estructura', 0, doc.textDocument.getText());
        out[uri.split('/').pop()!] = TextDocument.applyEdits(text, edits);
    }
    return out;
}

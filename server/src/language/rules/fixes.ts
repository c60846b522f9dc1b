// Quick fixes: each rule group maps its diagnostic codes to functions that build code actions
// (`<group>Fixes`, gathered in lsp/quick-fixes.ts); each function is named `<what>Fix` after the
// edit it offers and sits in its rule's file. The helpers below are what those functions share.
import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { EstructuraServices } from '../estructura-module.js';

export interface FixContext {
    document: LangiumDocument;
    /** The diagnostic as the client sent it back (its `data` is what the rule attached). */
    diagnostic: Diagnostic;
    services: EstructuraServices;
}

export type FixProvider = (context: FixContext) => CodeAction[] | Promise<CodeAction[]>;

export type FixMap = Readonly<Record<string, FixProvider>>;

/** The AST node at the start of a diagnostic's range in the current text of the document. */
export function nodeAtDiagnostic(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    return CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
}

/** A preferred quick fix made of edits to one document. */
export function fixAction(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[]): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.textDocument.uri]: edits } }
    };
}

/** The white space before `node` when it starts its line (undefined when something precedes it). */
export function lineIndentation(document: LangiumDocument, node: AstNode): string | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    const before = text.substring(lineStart, cst.offset);
    return /^[ \t]*$/.test(before) ? before : undefined;
}

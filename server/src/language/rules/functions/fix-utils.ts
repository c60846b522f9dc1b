// Small helpers the quick fixes of this rule group share.
import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { isUnidad } from '../../generated/ast.js';

/** The AST node at the start of a diagnostic's range in the current text of the document. */
export function nodeAtDiagnostic(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    return CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
}

export function fixAction(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[]): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.textDocument.uri]: edits } }
    };
}

/** A string literal of the language for `text`. */
export function quoteString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The indentation of a statement like `node`: the white space before it when it starts its line,
 * else the formatter's (four spaces per enclosing block).
 */
export function indentationOf(document: LangiumDocument, node: AstNode): string {
    const cst = node.$cstNode;
    if (cst) {
        const text = document.textDocument.getText();
        const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
        const before = text.substring(lineStart, cst.offset);
        if (/^[ \t]*$/.test(before)) return before;
    }
    let depth = 1; // the `funciones { … }` block
    for (let current = node.$container; current; current = current.$container) if (isUnidad(current)) depth++;
    return '    '.repeat(depth);
}

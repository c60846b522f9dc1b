// String literals as written in the source: where the inside of a string property starts and
// ends in the document, for precise ranges and edits inside legal text.
import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/** A string literal as written: offsets of its inside (between the quotes) in the document. */
export interface StringSpan {
    /** Offset of the first character after the opening quote. */
    start: number;
    /** Offset of the closing quote. */
    end: number;
    /** The raw text between the quotes (escapes and line breaks as written). */
    inner: string;
}

/** The raw span of a node's string property, or undefined when it is missing or unterminated. */
export function stringSpan(node: AstNode, property: string): StringSpan | undefined {
    const cst = directPropertyNode(node, property) ?? GrammarUtils.findNodeForProperty(node.$cstNode, property);
    if (!cst) return undefined;
    const text = cst.text;
    if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return undefined;
    return { start: cst.offset + 1, end: cst.end - 1, inner: text.substring(1, text.length - 1) };
}

/** The document range between two offsets of the node's document. */
export function rangeOf(node: AstNode, start: number, end: number): Range {
    const document = AstUtils.getDocument(node);
    return { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
}


/**
 * The CST child that holds a property assigned directly in the node's rule (a function's `texto`),
 * stopping at the first match: Langium's search examines every child, which the mention index and
 * the function rules would pay for every text on every edit.
 */
function directPropertyNode(node: AstNode, property: string): CstNode | undefined {
    const cst = node.$cstNode;
    if (!cst || !isCompositeCstNode(cst)) return undefined;
    for (const child of cst.content) {
        if (child.astNode !== node) continue;
        const assignment = AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment);
        if (assignment?.feature === property) return child;
    }
    return undefined;
}

// Small helpers the quick fixes of this rule group share.
import type { AstNode, LangiumDocument } from 'langium';
import { isUnidad } from '../../generated/ast.js';
import { lineIndentation } from '../fixes.js';

/** A string literal of the language for `text`. */
export function quoteString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The indentation of a statement like `node`: the white space before it when it starts its line,
 * else the formatter's (four spaces per enclosing block).
 */
export function indentationOf(document: LangiumDocument, node: AstNode): string {
    const own = lineIndentation(document, node);
    if (own !== undefined) return own;
    let depth = 1; // the `funciones { … }` block
    for (let current = node.$container; current; current = current.$container) if (isUnidad(current)) depth++;
    return '    '.repeat(depth);
}

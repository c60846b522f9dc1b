// What the function rules read in a function: its raw string in the source (for precise ranges
// and edits), its first word, its final punctuation, and a normalized key to compare texts.
import { AstUtils, GrammarUtils, type AstNode, type CstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isClosingClause } from '../../../importer/functions.js';
import type { Funcion, Unidad } from '../../generated/ast.js';
import { normalizeSpace, numberKey } from '../../model.js';

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
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
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

export function cstOf(node: AstNode, property: string): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property);
}

/** The closing catch-all: marked `cierre`, or recognized by its wording ("Las demás que…"). */
export function isClosing(fn: Funcion): boolean {
    return fn.cierre || (!!fn.texto && isClosingClause(fn.texto));
}

/**
 * Text as a reader compares it: no accents, lower case, no punctuation, single spaces, and without
 * the conjunction the ISSSTE lists put at the end of the second to last function (", y").
 */
export function comparisonKey(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
        .replace(/(?:^| )y$/u, '').trim();
}

/** The first word of a raw string: its offsets inside the string, skipping quotes, numbers, bullets. */
export function firstWord(inner: string): { word: string; start: number; end: number } | undefined {
    const match = /\p{L}+/u.exec(inner);
    if (!match) return undefined;
    return { word: match[0], start: match.index, end: match.index + match[0].length };
}

/**
 * The final punctuation of a raw string: where the wording ends (`contentEnd`) and the punctuation
 * after it, without white space ("." / ";" / ",y" / ";y" / ":" / "" …). Closing quotes or
 * guillemets after the wording are part of it: «…» ; or "…".
 */
export function finalPunctuation(inner: string): { contentEnd: number; ending: string; endingEnd: number } {
    const endingEnd = inner.replace(/\s+$/u, '').length;
    let i = endingEnd;
    const skipPunctuation = () => {
        while (i > 0 && /[\s.,;:]/u.test(inner[i - 1])) i--;
    };
    skipPunctuation();
    // A lone "y" at the end is the conjunction before the last function: "…aplicable, y".
    if (/(?:^|[\s,;])y$/u.test(inner.substring(0, i))) {
        i--;
        skipPunctuation();
    }
    return { contentEnd: i, ending: inner.substring(i, endingEnd).replace(/\s+/gu, ''), endingEnd };
}

/** The unit's name as the messages show it: «Nombre» (7.1.2), tolerating a half-written unit. */
export function unitLabel(unit: Unidad): string {
    const name = unit.nombre ? normalizeSpace(unit.nombre) : unit.name || 'unidad sin nombre';
    const number = numberKey(unit.numero);
    return number ? `«${name}» (${number})` : `«${name}»`;
}

/** How a function is named in messages: its number as written, else its position. */
export function functionLabel(fn: Funcion, index: number): string {
    const number = numberKey(fn.numero);
    return number ? `${number}` : `${index + 1}`;
}

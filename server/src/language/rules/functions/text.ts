// What the function rules read in a function: its raw string in the source (for precise ranges
// and edits), its first word, its final punctuation, and a normalized key to compare texts.
import { GrammarUtils, type AstNode, type CstNode } from 'langium';
import { isClosingClause } from '../../closing-clause.js';
import { memoByText } from '../../memo.js';
import type { Funcion, Unidad } from '../../generated/ast.js';
import { numberKey } from '../../model.js';
import { comparisonKey, normalizeSpace } from '../../text-keys.js';

export function cstOf(node: AstNode, property: string): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property);
}

// Memoized by text, not by node: an edit re-parses its file into new nodes, but all of its
// functions but one keep their texts, so neither the workspace indexes nor the rules fold them again.
const closingText = memoByText(isClosingClause);
const keyOfText = memoByText(text => comparisonKey(text));

/** The closing catch-all: marked `cierre`, or recognized by its structure (closing-clause.ts). */
export function isClosing(fn: Funcion): boolean {
    return fn.cierre || (!!fn.texto && closingText(fn.texto));
}

/** `comparisonKey` of a function's text. */
export function functionKey(fn: Funcion): string {
    return fn.texto ? keyOfText(fn.texto) : '';
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
    // trimEnd, not /\s+$/: the regex retries at every space of a wrapped string's indentation.
    const endingEnd = inner.trimEnd().length;
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

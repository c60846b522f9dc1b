// A guard against blocks nested too deep for the parser. Chevrotain's parser is recursive descent:
// each nested `{` costs dozens of stack frames, and 1,000 nested units (or 1,000 unclosed ones,
// through its error recovery) overflowed Node's default stack: a RangeError escaped the document
// build, and the file got no diagnostics at all (found by fuzzing, see docs/robustez.md). A text
// nested deeper than MAX_NESTING is parsed only up to the `{` that goes too deep, and that `{`
// gets one syntax error; nothing of the text is rewritten (the formatter leaves files with syntax
// errors alone).
import type { IRecognitionException, IToken } from 'chevrotain';
import type { AstNode } from 'langium';
import type { ParseResult } from 'langium';

/**
 * Far above any real manual (units nest fewer than 10 levels; with `funciones` and incisos, about
 * 30 braces), far below what overflows the stack (about 600 nested units on Node 20).
 */
export const MAX_NESTING = 200;

/** The characters the guard acts on; the native search skips everything else (most of a manual is prose). */
const SPECIAL = /[{}"/]/g;
const STRING_STOP = /["\\]/g;

/** Offset of the first `{` that opens a block deeper than `max`, outside strings and comments. */
export function tooDeepAt(text: string, max = MAX_NESTING): number | undefined {
    let depth = 0;
    const length = text.length;
    for (let i = 0; i < length; i++) {
        SPECIAL.lastIndex = i;
        const found = SPECIAL.exec(text);
        if (!found) return undefined;
        i = found.index;
        const c = text.charCodeAt(i);
        if (c === 123 /* { */) {
            if (++depth > max) return i;
        } else if (c === 125 /* } */) {
            if (depth > 0) depth--;
        } else if (c === 34 /* " */) {
            const end = stringEnd(text, i);
            if (end >= 0) i = end;
        } else if (i + 1 < length) { // `/`
            const next = text.charCodeAt(i + 1);
            if (next === 47) {
                while (i < length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
            } else if (next === 42 /* * */) {
                const end = text.indexOf('*/', i + 2);
                if (end >= 0) i = end + 1;
            }
        }
    }
    return undefined;
}

/** Offset of the quote closing the string that opens at `start`, as the STRING terminal reads it; -1 if none. */
function stringEnd(text: string, start: number): number {
    STRING_STOP.lastIndex = start + 1;
    for (let found = STRING_STOP.exec(text); found; found = STRING_STOP.exec(text)) {
        const i = found.index;
        if (text.charCodeAt(i) === 34) return i;
        // `\\.`: the escaped character cannot be a line end.
        const next = text.charCodeAt(i + 1);
        if (Number.isNaN(next) || next === 10 || next === 13 || next === 0x2028 || next === 0x2029) return -1;
        STRING_STOP.lastIndex = i + 2;
    }
    return -1;
}

/** Parses `text`, or, when it nests too deep, its part before the offending `{` plus one syntax error there. */
export function parseWithNestingGuard<R extends ParseResult<AstNode> | Promise<ParseResult<AstNode>>>(text: string, parse: (text: string) => R): R {
    const at = tooDeepAt(text);
    if (at === undefined) return parse(text);
    const error = nestingError(text, at);
    const result = parse(text.substring(0, at));
    const withError = (r: ParseResult<AstNode>): ParseResult<AstNode> => ({ ...r, parserErrors: [error] });
    return (result instanceof Promise ? result.then(withError) : withError(result as ParseResult<AstNode>)) as R;
}

function nestingError(text: string, offset: number): IRecognitionException {
    const before = text.substring(0, offset);
    const line = (before.match(/\r\n|\r|\n/g) ?? []).length + 1;
    const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')); // 1-based
    const token = {
        image: '{', startOffset: offset, endOffset: offset, startLine: line, endLine: line, startColumn: column, endColumn: column,
        tokenTypeIdx: 0, tokenType: undefined as unknown as IToken['tokenType']
    } satisfies IToken;
    return {
        name: 'NestingTooDeepException',
        message: `los bloques se anidan a más de ${MAX_NESTING} niveles; el archivo no se analiza desde aquí.`,
        token,
        resyncedTokens: [],
        context: { ruleStack: [], ruleOccurrenceStack: [] }
    };
}

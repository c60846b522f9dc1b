// Quick fix of a syntax error caused by a mistyped keyword: «¿Quiso decir «numero»?». The word at
// the error, or the word just before it on the same line (`numro 7.1` after `tipo Dirección` is
// read as part of the kind, and the error falls on `7.1`), is compared by edit distance with the
// keywords the grammar accepts where that word starts.
import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import type { FixContext } from '../language/rules/fixes.js';
import { normalizeKey } from '../language/text-keys.js';
import type { EstructuraCompletionProvider } from './completion.js';

const WORD = /[\p{L}_][\p{L}\p{N}_]*/gu;

/** Edit distance with transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}

/** How far a word may be from a keyword to be taken for it: one edit for short words, two from six letters. */
function tolerance(word: string): number {
    return word.length >= 6 ? 2 : word.length >= 3 ? 1 : 0;
}

interface Suggestion { keyword: string; start: number; end: number; distance: number }

/** The keywords a word near the diagnostic may have meant, best first. */
export function keywordSuggestions(document: LangiumDocument, errorOffset: number, completion: EstructuraCompletionProvider): Suggestion[] {
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', errorOffset - 1) + 1;
    const lineEnd = text.indexOf('\n', errorOffset);
    const line = text.substring(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const words = [...line.matchAll(WORD)].map(m => ({ start: lineStart + m.index!, text: m[0] }));
    const at = words.find(w => w.start <= errorOffset && errorOffset < w.start + w.text.length);
    const before = words.filter(w => w.start + w.text.length <= errorOffset).pop();
    const all = completion.keywords;
    const out: Suggestion[] = [];
    for (const word of [at, before]) {
        if (!word || all.has(word.text) || tolerance(word.text) === 0) continue;
        const folded = normalizeKey(word.text);
        const expected = completion.keywordsExpectedAt(document.textDocument, word.start).filter(k => /^\p{L}{3,}$/u.test(k));
        const close = expected
            .map(keyword => ({ keyword, distance: editDistance(folded, normalizeKey(keyword)) }))
            .filter(c => c.distance > 0 && c.distance <= tolerance(word.text));
        // Of the spellings of one keyword (`numero`, `número`), the one closest to what was typed.
        const best = new Map<string, { keyword: string; distance: number; raw: number }>();
        for (const c of close) {
            const key = normalizeKey(c.keyword);
            const raw = editDistance(word.text.toLowerCase(), c.keyword);
            const seen = best.get(key);
            if (!seen || raw < seen.raw) best.set(key, { ...c, raw });
        }
        for (const c of best.values()) out.push({ keyword: c.keyword, start: word.start, end: word.start + word.text.length, distance: c.distance });
        if (out.length > 0) break;
    }
    return out.sort((a, b) => a.distance - b.distance || a.keyword.localeCompare(b.keyword)).slice(0, 3);
}

export function keywordTypoFix({ document, diagnostic, services }: FixContext): CodeAction[] {
    const completion = services.lsp.CompletionProvider as EstructuraCompletionProvider | undefined;
    if (!completion?.keywordsExpectedAt) return [];
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    return keywordSuggestions(document, offset, completion).map((s, i) => ({
        title: `¿Quiso decir «${s.keyword}»?`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0 ? true : undefined,
        edit: {
            changes: {
                [document.textDocument.uri]: [{
                    range: { start: document.textDocument.positionAt(s.start), end: document.textDocument.positionAt(s.end) },
                    newText: s.keyword
                }]
            }
        }
    }));
}

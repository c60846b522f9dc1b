// Post-processes the TextMate grammar that `langium generate` writes, so that keywords with accents
// (`número`, `órgano`, `sección`…) are highlighted.
//
// Langium's generator surrounds the keywords with `\b` and puts keywords whose first letter is not in
// ASCII `\w` (`órgano`) in a separate `\B(…)\b` group. VS Code's regex engine (Oniguruma) treats
// accented letters as word characters, so `\B` before `órgano` never matches at the start of a word
// (and does match inside a word such as `xórgano`). JavaScript's `\b` is ASCII-only, so the same
// pattern behaves differently in other tools. This step replaces the word boundaries with explicit
// lookarounds over the letters of the language's ID terminal (`[_a-zA-Z\u00C0-\u024F][\w\u00C0-\u024F]*`),
// which mean the same in Oniguruma and in JavaScript.
//
// Deterministic and idempotent: a grammar that was already transformed is written back unchanged.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The characters of an identifier in the language (terminal ID in estructura.langium). */
export const WORD_CHAR = '[0-9A-Z_a-z\\u00C0-\\u024F]';
const WORD_CHAR_RE = new RegExp(WORD_CHAR);
const BEFORE = `(?<!${WORD_CHAR})`;
const AFTER = `(?!${WORD_CHAR})`;

/** Undoes RegExpUtils.escapeRegExp for one keyword. */
function unescapeKeyword(pattern) {
    return pattern.replace(/\\(.)/g, '$1');
}

function escapeKeyword(keyword) {
    return keyword.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Extracts the keywords from a pattern made of `\b(a|b)\b|\B(c)\b|…` groups, as Langium writes it. */
export function keywordsOfGeneratedPattern(match) {
    const group = /\\[bB]\(((?:\\.|[^()\\])*)\)\\[bB]/y;
    const keywords = [];
    let index = 0;
    while (index < match.length) {
        group.lastIndex = index;
        const found = group.exec(match);
        if (!found) {
            throw new Error(`textmate-unicode: unexpected keyword pattern at ${index}: ${match.slice(index, index + 40)}`);
        }
        keywords.push(...found[1].split(/(?<!\\)\|/).map(unescapeKeyword));
        index = group.lastIndex;
        if (index < match.length) {
            if (match[index] !== '|') {
                throw new Error(`textmate-unicode: expected '|' at ${index} of the keyword pattern`);
            }
            index++;
        }
    }
    return keywords;
}

/** The keyword pattern with boundaries that treat accented letters as letters. */
export function keywordPattern(keywords) {
    // Longest first, then alphabetical: deterministic, and the longest keyword wins.
    const sorted = [...new Set(keywords)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    const groups = new Map();
    for (const keyword of sorted) {
        const before = WORD_CHAR_RE.test(keyword[0]) ? BEFORE : '';
        const after = WORD_CHAR_RE.test(keyword[keyword.length - 1]) ? AFTER : '';
        const key = `${before}\u0000${after}`;
        if (!groups.has(key)) groups.set(key, { before, after, keywords: [] });
        groups.get(key).keywords.push(escapeKeyword(keyword));
    }
    return [...groups.values()].map(g => `${g.before}(${g.keywords.join('|')})${g.after}`).join('|');
}

/** Transforms the grammar object in place; returns true when something changed. */
export function fixGrammar(grammar) {
    let changed = false;
    for (const pattern of grammar.patterns ?? []) {
        if (typeof pattern.name !== 'string' || !pattern.name.startsWith('keyword.control.')) continue;
        if (typeof pattern.match !== 'string' || pattern.match.includes(BEFORE)) continue;
        const caseInsensitive = pattern.match.startsWith('(?i)');
        const body = caseInsensitive ? pattern.match.slice(4) : pattern.match;
        pattern.match = (caseInsensitive ? '(?i)' : '') + keywordPattern(keywordsOfGeneratedPattern(body));
        changed = true;
    }
    return changed;
}

/** Rewrites the grammar file when needed (same JSON layout as Langium's generator). */
export function fixGrammarFile(file) {
    const grammar = JSON.parse(readFileSync(file, 'utf-8'));
    if (fixGrammar(grammar)) {
        writeFileSync(file, JSON.stringify(grammar, null, 2) + '\n');
        console.log(`textmate-unicode: keyword boundaries rewritten in ${file}`);
    }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    fixGrammarFile(process.argv[2] ?? 'syntaxes/estructura.tmLanguage.json');
}

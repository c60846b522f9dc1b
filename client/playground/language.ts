// The estructura language in Monaco: its keywords come from the TextMate grammar VS Code uses
// (syntaxes/estructura.tmLanguage.json, generated from the Langium grammar), so both editors
// highlight the same words; brackets, comments and word pattern from language-configuration.json.
import * as monaco from 'monaco-editor';
import grammar from '../../syntaxes/estructura.tmLanguage.json';
import configuration from '../../language-configuration.json';
import { LANGUAGE_ID } from './document-sync.js';

/** The alternatives of the grammar's keyword pattern: `(?<!…)(a|b|…)(?!…)`. */
function keywords(): string[] {
    const pattern = grammar.patterns.find(p => p.name?.startsWith('keyword'))?.match ?? '';
    const group = /\)\(([^()]*)\)\(\?!/.exec(pattern);
    if (!group) throw new Error('syntaxes/estructura.tmLanguage.json: no keyword list');
    return group[1].split('|');
}

const monarch: monaco.languages.IMonarchLanguage = {
    keywords: keywords(),
    tokenizer: {
        root: [
            [/\/\*/, 'comment', '@comment'],
            [/\/\/.*$/, 'comment'],
            [/"/, 'string', '@string'],
            [/\d{4}-\d{2}-\d{2}/, 'number'],
            [/\d+(?:\.\d+)*/, 'number'],
            [/[_A-Za-z\u00C0-\u024F][0-9A-Z_a-z\u00C0-\u024F]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
            [/[{}()]/, '@brackets']
        ],
        comment: [[/[^*]+/, 'comment'], [/\*\//, 'comment', '@pop'], [/\*/, 'comment']],
        string: [[/[^"\\]+/, 'string'], [/\\./, 'string.escape'], [/"/, 'string', '@pop']]
    }
};

export function registerLanguage(): void {
    monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.estructura'], aliases: ['Estructura'] });
    monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarch);
    monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
        comments: { lineComment: configuration.comments.lineComment, blockComment: ['/*', '*/'] },
        brackets: [['{', '}'], ['(', ')']],
        autoClosingPairs: configuration.autoClosingPairs,
        surroundingPairs: configuration.surroundingPairs.map(([open, close]) => ({ open, close })),
        wordPattern: new RegExp(configuration.wordPattern),
        indentationRules: {
            increaseIndentPattern: new RegExp(configuration.indentationRules.increaseIndentPattern),
            decreaseIndentPattern: new RegExp(configuration.indentationRules.decreaseIndentPattern)
        }
    });
    monaco.editor.defineTheme('estructura', {
        base: 'vs', inherit: true,
        rules: [
            { token: 'keyword', foreground: '0b5cad', fontStyle: 'bold' },
            { token: 'string', foreground: '7a3e00' },
            { token: 'comment', foreground: '5f6b76', fontStyle: 'italic' },
            { token: 'number', foreground: '0f7b3f' }
        ],
        colors: {}
    });
}

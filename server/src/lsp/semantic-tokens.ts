// Semantic highlighting of unit names written in prose, so they stand out inside the strings
// (names of former units are marked deprecated). Keywords and strings keep the TextMate grammar.
import { AstUtils, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isDocumento } from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import { mentionRange, type MentionIndex } from '../language/mentions/mention-index.js';
import { linksUnits } from './definition.js';

export class EstructuraSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly mentions: MentionIndex;

    constructor(services: EstructuraServices) {
        super(services);
        this.mentions = services.structure.MentionIndex;
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' {
        if (!isDocumento(node)) return 'prune';
        const text = AstUtils.getDocument(node).textDocument;
        for (const mention of this.mentions.mentionsOf(AstUtils.getDocument(node))) {
            if (!linksUnits(mention)) continue;
            const modifier = mention.kind === 'anterior' ? SemanticTokenModifiers.deprecated : undefined;
            // A wrapped string spreads a name over lines: one token per line.
            const { start: first, end: last } = mentionRange(text, mention);
            for (let line = first.line; line <= last.line; line++) {
                const start = line === first.line ? first.character : lineIndent(text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }));
                const end = line === last.line ? last.character : text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
                if (end > start) acceptor({ line, char: start, length: end - start, type: SemanticTokenTypes.class, modifier });
            }
        }
        return 'prune';
    }
}

function lineIndent(line: string): number {
    return line.length - line.trimStart().length;
}

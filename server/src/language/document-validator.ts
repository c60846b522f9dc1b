// Built-in diagnostics (lexing, parsing, linking) get the project's rule codes and Spanish messages.
import { DefaultDocumentValidator, DefaultLinker, type LangiumDocument, type LinkingError, type ReferenceInfo, type AstNodeDescription } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { unresolvedReferenceMessage } from './messages.js';
import { rule } from './rules/catalog.js';

export class EstructuraDocumentValidator extends DefaultDocumentValidator {
    protected override processLexingErrors(...args: Parameters<DefaultDocumentValidator['processLexingErrors']>): void {
        this.withCode(args[1], 'estructura-sintaxis', () => super.processLexingErrors(...args));
    }

    protected override processParsingErrors(...args: Parameters<DefaultDocumentValidator['processParsingErrors']>): void {
        this.withCode(args[1], 'estructura-sintaxis', () => super.processParsingErrors(...args));
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: Parameters<DefaultDocumentValidator['processLinkingErrors']>[2]): void {
        this.withCode(diagnostics, 'estructura-referencia', () => super.processLinkingErrors(document, diagnostics, options));
    }

    private withCode(diagnostics: Diagnostic[], code: 'estructura-sintaxis' | 'estructura-referencia', produce: () => void): void {
        const before = diagnostics.length;
        produce();
        const source = rule(code).source;
        for (const diagnostic of diagnostics.slice(before)) {
            diagnostic.code = code;
            diagnostic.message = `${source}: ${diagnostic.message}`;
        }
    }
}

export class EstructuraLinker extends DefaultLinker {
    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const type = this.reflection.getReferenceType(refInfo);
        return { ...error, message: unresolvedReferenceMessage(type, refInfo.reference.$refText) };
    }
}

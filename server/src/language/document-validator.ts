// Built-in diagnostics (lexing, parsing, linking) get the project's rule codes and Spanish messages;
// the linker links a document from scratch (see `EstructuraLinker.link`).
import { DefaultDocumentValidator, DefaultLinker, type Cancellation, type LangiumDocument, type LinkingError, type ReferenceInfo, type AstNodeDescription } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { unresolvedReferenceMessage } from './messages.js';
import { capitalize, RULES } from './rules/catalog.js';
import type { RuleLinks } from './rules/docs-link.js';
import type { EstructuraServices } from './estructura-module.js';
import type { RuleSettings } from './settings.js';
import { LSP_SEVERITY } from './severity.js';


export class EstructuraDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: RuleSettings;
    private readonly ruleLinks: RuleLinks;

    constructor(services: EstructuraServices) {
        super(services);
        this.settings = services.settings.RuleSettings;
        this.ruleLinks = services.settings.RuleLinks;
    }

    /** Applies the user's severities (or switches a rule off) and links each diagnostic to its rule's doc. */
    override async validateDocument(...args: Parameters<DefaultDocumentValidator['validateDocument']>): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(...args);
        const out: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
            if (code && RULES.has(code)) {
                const configured = this.settings.severity(code);
                if (configured === 'off') continue;
                if (configured) diagnostic.severity = LSP_SEVERITY[configured];
                const href = this.ruleLinks.link(code);
                if (href) diagnostic.codeDescription = { href };
                diagnostic.source = 'estructura';
            }
            out.push(diagnostic);
        }
        return out;
    }

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
        for (const diagnostic of diagnostics.slice(before)) {
            diagnostic.code = code;
            if (typeof diagnostic.message === 'string') diagnostic.message = capitalize(diagnostic.message);
        }
    }
}

export class EstructuraLinker extends DefaultLinker {
    /**
     * Links from scratch. A request the server answers beside a running build (hover, definition:
     * Langium runs them as soon as their own document is ready) may follow another document's
     * references before the build links that document; Langium resolves them then, against the index
     * of that moment (a file being parsed again is missing from it, or still there with its previous
     * nodes), and its linking keeps what was resolved: the file pointed at an AST that no longer exists.
     */
    override async link(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        this.unlink(document);
        return super.link(document, cancelToken);
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const type = this.reflection.getReferenceType(refInfo);
        return { ...error, message: unresolvedReferenceMessage(type, refInfo.reference.$refText) };
    }
}

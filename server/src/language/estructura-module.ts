// Dependency injection: the project's services on top of Langium's defaults.
import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { FileAccessSystem } from '../files/file-access.js';
import { NO_HOST, type Host } from '../files/host.js';
import { RuleLinks } from './rules/docs-link.js';
import { EstructuraGeneratedModule, EstructuraGeneratedSharedModule } from './generated/module.js';
import { EstructuraDocumentBuilder, EstructuraDocumentFactory } from './document-builder.js';
import { EstructuraDocumentValidator, EstructuraLinker } from './document-validator.js';
import { SpanishLexerErrorMessageProvider, SpanishParserErrorMessageProvider } from './messages.js';
import { registerRules } from './rules/index.js';
import { EstructuraScopeComputation, EstructuraScopeProvider } from './scope.js';
import { RuleSettings } from './settings.js';
import { ClientCommands } from './client-commands.js';
import { FunctionIndex } from './function-index.js';
import { IncomingReferences } from './incoming-references.js';
import { MentionIndex } from './mentions/mention-index.js';
import { StructureIndex } from './structure-index.js';
import { EstructuraValueConverter } from './value-converter.js';
import { EstructuraLangiumDocuments } from './workspace-documents.js';
import { EstructuraWorkspaceManager } from './workspace-manager.js';
import { EstructuraCodeActionProvider } from '../lsp/code-actions.js';
import { EstructuraCodeLensProvider } from '../lsp/code-lens.js';
import { EstructuraCompletionProvider } from '../lsp/completion.js';
import { EstructuraDefinitionProvider } from '../lsp/definition.js';
import { EstructuraDocumentSymbolProvider } from '../lsp/document-symbols.js';
import { EstructuraDocumentUpdateHandler } from '../lsp/document-update-handler.js';
import { EstructuraFoldingRangeProvider } from '../lsp/folding.js';
import { SessionNames } from '../lsp/former-names.js';
import { EstructuraFormatter } from '../lsp/formatter.js';
import { EstructuraCallHierarchyProvider, EstructuraTypeHierarchyProvider } from '../lsp/hierarchy.js';
import { EstructuraHoverProvider } from '../lsp/hover.js';
import { EstructuraInlayHintProvider } from '../lsp/inlay-hints.js';
import { EstructuraReferencesProvider } from '../lsp/references.js';
import { EstructuraRenameProvider } from '../lsp/rename.js';
import { EstructuraSemanticTokenProvider } from '../lsp/semantic-tokens.js';
import { EstructuraWorkspaceSymbolProvider } from '../lsp/workspace-symbols.js';

export interface EstructuraAddedServices {
    structure: {
        StructureIndex: StructureIndex;
        /** Functions by text and dated changes by unit, for the function and metadata rules. */
        FunctionIndex: FunctionIndex;
        MentionIndex: MentionIndex;
        IncomingReferences: IncomingReferences;
        /** The official names units had in this session (for «Registrar el nombre anterior»). */
        SessionNames: SessionNames;
    };
    settings: {
        RuleSettings: RuleSettings;
        /** The editor commands the client declared at initialize (none from the CLI or Neovim). */
        ClientCommands: ClientCommands;
        /** The link of each rule's documentation (diagnostics, hover). */
        RuleLinks: RuleLinks;
    };
}

/**
 * The shared services the project adds. The rule settings are workspace configuration
 * (`estructura.json`, the editor's `estructura.reglas`): the workspace manager loads them before
 * the first build, and the language services read the same instance (`settings.RuleSettings`).
 */
export interface EstructuraAddedSharedServices {
    settings: {
        RuleSettings: RuleSettings;
    };
    /** Where the services run: the Node server and the CLI, or a web worker (files/host.ts). */
    host: {
        Host: Host;
    };
}

/** What creates the services: the connection of a language server (none in the CLI and tests) and
 *  the host (the files, the rule docs); without a host, no files are read. */
export interface EstructuraContext {
    connection?: Connection;
    host?: Host;
}

export type EstructuraSharedServices = LangiumSharedServices & EstructuraAddedSharedServices;

export type EstructuraServices = LangiumServices & EstructuraAddedServices & { shared: EstructuraSharedServices };

export const EstructuraModule: Module<EstructuraServices, PartialLangiumServices & EstructuraAddedServices> = {
    structure: {
        StructureIndex: services => new StructureIndex(services.shared),
        FunctionIndex: services => new FunctionIndex(services.shared),
        MentionIndex: services => new MentionIndex(services.shared),
        IncomingReferences: services => new IncomingReferences(services.shared),
        SessionNames: services => new SessionNames(services.shared)
    },
    settings: {
        RuleSettings: services => services.shared.settings.RuleSettings,
        ClientCommands: () => new ClientCommands(),
        RuleLinks: services => new RuleLinks(services.settings.ClientCommands, services.shared.host.Host.ruleDocs)
    },
    parser: {
        ValueConverter: () => new EstructuraValueConverter(),
        ParserErrorMessageProvider: () => new SpanishParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new SpanishLexerErrorMessageProvider()
    },
    references: {
        ScopeComputation: services => new EstructuraScopeComputation(services),
        ScopeProvider: services => new EstructuraScopeProvider(services),
        Linker: services => new EstructuraLinker(services)
    },
    validation: {
        DocumentValidator: services => new EstructuraDocumentValidator(services)
    },
    lsp: {
        CallHierarchyProvider: services => new EstructuraCallHierarchyProvider(services),
        CodeActionProvider: services => new EstructuraCodeActionProvider(services),
        CodeLensProvider: services => new EstructuraCodeLensProvider(services),
        CompletionProvider: services => new EstructuraCompletionProvider(services),
        DocumentSymbolProvider: services => new EstructuraDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new EstructuraFoldingRangeProvider(services),
        Formatter: () => new EstructuraFormatter(),
        HoverProvider: services => new EstructuraHoverProvider(services),
        InlayHintProvider: services => new EstructuraInlayHintProvider(services),
        RenameProvider: services => new EstructuraRenameProvider(services),
        DefinitionProvider: services => new EstructuraDefinitionProvider(services),
        ReferencesProvider: services => new EstructuraReferencesProvider(services),
        SemanticTokenProvider: services => new EstructuraSemanticTokenProvider(services),
        TypeHierarchyProvider: services => new EstructuraTypeHierarchyProvider(services)
    }
};

export const EstructuraSharedModule: Module<EstructuraSharedServices, DeepPartial<LangiumSharedServices> & Pick<EstructuraAddedSharedServices, 'settings'>> = {
    settings: {
        RuleSettings: () => new RuleSettings()
    },
    workspace: {
        DocumentBuilder: services => new EstructuraDocumentBuilder(services),
        LangiumDocumentFactory: services => new EstructuraDocumentFactory(services),
        LangiumDocuments: services => new EstructuraLangiumDocuments(services),
        WorkspaceManager: services => new EstructuraWorkspaceManager(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new EstructuraDocumentUpdateHandler(services),
        WorkspaceSymbolProvider: services => new EstructuraWorkspaceSymbolProvider(services)
    }
};

export function createEstructuraServices(context: EstructuraContext = {}): {
    shared: EstructuraSharedServices;
    Estructura: EstructuraServices;
} {
    const host = context.host ?? NO_HOST;
    const shared = inject(
        createDefaultSharedModule({ connection: context.connection, fileSystemProvider: () => new FileAccessSystem(host.fileAccess) }),
        EstructuraGeneratedSharedModule,
        EstructuraSharedModule,
        { host: { Host: () => host } } satisfies Module<EstructuraSharedServices, Pick<EstructuraAddedSharedServices, 'host'>>
    );
    const Estructura = inject(
        createDefaultModule({ shared }),
        EstructuraGeneratedModule,
        EstructuraModule
    );
    shared.ServiceRegistry.register(Estructura);
    registerRules(Estructura);
    if (context.connection) {
        const commands = Estructura.settings.ClientCommands;
        shared.lsp.LanguageServer.onInitialize(params => commands.declare(params.initializationOptions));
    } else {
        // Without a language client (CLI, tests) configuration is not pulled; mark it ready.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Estructura };
}


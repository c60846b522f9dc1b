// The startup build validates too, so the Problems panel lists every file's diagnostics
// as soon as the workspace is loaded, before any file is opened. The rule settings
// (estructura.json, editor settings) are loaded before that first build; they are a shared service
// (estructura-module.ts), which the language services read too.
import { DefaultWorkspaceManager, UriUtils, type BuildOptions, type Cancellation, type LangiumDocument, type LangiumDocumentFactory, type Stream, type URI } from 'langium';
import type { FileAccess } from '../files/file-access.js';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { ConfigLoader } from './config-loader.js';
import type { EstructuraSharedServices } from './estructura-module.js';

export class EstructuraWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };
    private configLoader: ConfigLoader | undefined;
    private readonly documentFactory: LangiumDocumentFactory;
    private readonly fileAccess: FileAccess;

    constructor(private readonly sharedServices: EstructuraSharedServices) {
        super(sharedServices);
        this.documentFactory = sharedServices.workspace.LangiumDocumentFactory;
        this.fileAccess = sharedServices.host.Host.fileAccess;
    }

    /**
     * The workspace's files, found by the host in one call (a web worker's client answers with one
     * workspace.findFiles, not a request per folder); the `.estructura` ones are documents.
     */
    protected override async traverseFolder(folder: URI, uris: URI[]): Promise<void> {
        for (const uri of await this.fileAccess.findFiles(folder)) {
            if (this.serviceRegistry.hasServices(uri) && !UriUtils.basename(uri).startsWith('.')) uris.push(uri);
        }
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        this.configLoader ??= new ConfigLoader(this.sharedServices, this.sharedServices.settings.RuleSettings);
        await this.configLoader.initialize(folders);
        return super.initializeWorkspace(folders, cancelToken);
    }

    /**
     * Reads the workspace's files from disk. Not through `LangiumDocuments.getOrCreateDocument`, as
     * Langium does: in the language server that only looks documents up (see
     * server/src/language/workspace-documents.ts).
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.map(async uri => {
            const document = this.langiumDocuments.getDocument(uri) ?? await this.documentFactory.fromUri(uri);
            if (!this.langiumDocuments.hasDocument(uri)) this.langiumDocuments.addDocument(document);
            collector(document);
        }));
    }
}

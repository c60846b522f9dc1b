// The startup build validates too, so the Problems panel lists every file's diagnostics
// as soon as the workspace is loaded, before any file is opened. The rule settings
// (estructura.json, editor settings) are loaded before that first build.
import { DefaultWorkspaceManager, type BuildOptions, type Cancellation } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { ConfigLoader } from './config-loader.js';
import type { EstructuraServices } from './estructura-module.js';

export class EstructuraWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };
    private configLoader: ConfigLoader | undefined;

    constructor(private readonly sharedServices: LangiumSharedServices) {
        super(sharedServices);
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const estructura = this.sharedServices.ServiceRegistry.all[0] as EstructuraServices | undefined;
        if (estructura) {
            this.configLoader ??= new ConfigLoader(this.sharedServices, estructura.settings.RuleSettings);
            await this.configLoader.initialize(folders);
        }
        return super.initializeWorkspace(folders, cancelToken);
    }
}

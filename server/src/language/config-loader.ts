// Keeps the rule settings in step with their two sources while the server runs: `estructura.json`
// at a workspace folder's root (read at startup and when it changes) and the editor's
// `estructura.reglas` setting, and the tabulador spreadsheets the file names (read again when the
// file changes, not when a spreadsheet does). Any change revalidates every document.
import { URI, UriUtils, type LangiumDocuments } from 'langium';
import type { EstructuraSharedServices } from './estructura-module.js';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { loadTabuladores } from './positions/tabulador-files.js';
import { CONFIG_FILE, parseConfigFile, parseSeverities, type RuleSettings } from './settings.js';

export class ConfigLoader {
    private folders: readonly WorkspaceFolder[] = [];

    constructor(private readonly shared: EstructuraSharedServices, private readonly settings: RuleSettings) {
        shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
            if (params.changes.some(c => c.uri.endsWith(`/${CONFIG_FILE}`))) void this.reload(true);
        });
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === 'estructura') {
                this.applyEditor(update.configuration);
                void this.revalidate();
            }
        });
    }

    /** Called by the workspace manager before the first build. */
    async initialize(folders: readonly WorkspaceFolder[]): Promise<void> {
        this.folders = folders;
        await this.reload(false);
        try {
            this.applyEditor({ reglas: await this.shared.workspace.ConfigurationProvider.getConfiguration('estructura', 'reglas') });
        } catch {
            // A client without workspace/configuration: the file alone decides.
        }
    }

    private applyEditor(configuration: unknown): void {
        const problems: string[] = [];
        const reglas = (configuration as { reglas?: unknown } | undefined)?.reglas;
        this.settings.applyEditor(parseSeverities(reglas, 'configuración estructura.reglas', problems));
        this.log(problems);
    }

    private async reload(revalidate: boolean): Promise<void> {
        const host = this.shared.host.Host;
        let applied = false;
        for (const folder of this.folders) {
            const uri = UriUtils.joinPath(URI.parse(folder.uri), CONFIG_FILE);
            let text: string;
            try {
                text = await host.fileAccess.readText(uri);
            } catch {
                continue;
            }
            const config = parseConfigFile(text, uri.fsPath);
            this.settings.applyFile(config);
            this.log(config.problems);
            const base = UriUtils.dirname(uri);
            const loaded = await loadTabuladores(config.tabuladores, archivo => {
                const file = UriUtils.resolvePath(base, archivo);
                return { file: file.fsPath, read: () => host.readTabulador(file) };
            });
            this.settings.applyTabuladores(loaded.tabuladores);
            this.log(loaded.problems.map(problem => problem.message));
            applied = true;
            break;
        }
        if (!applied) {
            this.settings.applyFile(undefined);
            this.settings.applyTabuladores([]);
        }
        if (revalidate) await this.revalidate();
    }

    private async revalidate(): Promise<void> {
        const documents: LangiumDocuments = this.shared.workspace.LangiumDocuments;
        const uris = documents.all.map(d => d.uri).toArray();
        if (uris.length > 0) await this.shared.workspace.DocumentBuilder.update(uris, []);
    }

    private log(problems: string[]): void {
        const connection = this.shared.lsp.Connection;
        for (const problem of problems) {
            if (connection) connection.window.showWarningMessage(`Estructura: ${problem}`);
            else console.error(`estructura: ${problem}`);
        }
    }
}

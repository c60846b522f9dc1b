// What the desktop extension (extension.ts) and the web extension (extension-web.ts) share: the
// client's options, the commands and how the server's answers are shown. They differ only in how
// the server runs (a Node process or a web worker) and in what needs the desktop (comparing).
import { commands, ConfigurationTarget, Uri, window, workspace, type Command, type ExtensionContext, type FileSystemWatcher } from 'vscode';
import type {
    BaseLanguageClient, DocumentSelector, LanguageClientOptions, Location as ProtocolLocation, Position as ProtocolPosition
} from 'vscode-languageclient';
import { buscarUnidad } from './buscar.js';
import { OrganigramaPanel } from './organigrama-panel.js';
import { verPlazas } from './plazas-panel.js';
import { verRegla } from './ver-regla.js';
import { answerFileRequests } from './file-requests.js';

export interface Platform {
    /** The client of the server, from the options both platforms share. */
    createClient(options: LanguageClientOptions): BaseLanguageClient;
    /** «Comparar con…», where the platform can run it. */
    comparar(client: BaseLanguageClient): Promise<void>;
}

let client: BaseLanguageClient | undefined;

export async function activateOn(context: ExtensionContext, platform: Platform): Promise<BaseLanguageClient> {
    // Changes to files that are not open (git checkout, another editor) reach the server.
    const watcher = workspace.createFileSystemWatcher('**/{*.estructura,estructura.json}');
    context.subscriptions.push(watcher);
    client = platform.createClient(clientOptionsFor(watcher));
    // The server asks for the files it cannot read itself: all of them in a web worker, those of a
    // virtual workspace (a remote repository) on the desktop.
    answerFileRequests(client);
    context.subscriptions.push(client);
    const started = client;
    context.subscriptions.push(
        commands.registerCommand('estructura.organigrama', () => OrganigramaPanel.show(context, started, 'manual')),
        commands.registerCommand('estructura.organigramaUnidad', () => OrganigramaPanel.show(context, started, 'unidad')),
        commands.registerCommand('estructura.organigramaCentrar', () => OrganigramaPanel.centre(context, started)),
        commands.registerCommand('estructura.comparar', () => platform.comparar(started)),
        commands.registerCommand('estructura.verPlazas', (uri?: unknown, position?: unknown) => verPlazas(started, uri, position)),
        commands.registerCommand('estructura.buscarUnidad', () => buscarUnidad(started)),
        commands.registerCommand('estructura.desactivarRegla', (code?: unknown) => desactivarRegla(code)),
        commands.registerCommand('estructura.verRegla', (code?: unknown) => verRegla(context.extensionUri, code))
    );
    // «Comparar con…» and «Buscar unidad…» are offered in the palette wherever the extension runs
    // (a workspace with .estructura files), not only with such a file in the editor.
    void commands.executeCommand('setContext', 'estructura.activa', true);
    return started;
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** What the client sends the server and how it shows the server's answers. */
function clientOptionsFor(watcher: FileSystemWatcher): LanguageClientOptions {
    // Only the workspace's files (`file`, or the scheme of a virtual workspace: vscode-vfs on
    // github.dev…) and new unsaved ones: a `git:` copy shown in a diff must not be indexed as a
    // second definition of the same units.
    const schemes = (workspace.workspaceFolders ?? []).map(folder => folder.uri.scheme);
    const documentSelector: DocumentSelector = [...new Set(['file', ...schemes, 'untitled'])].map(scheme => ({ scheme, language: 'estructura' }));
    return {
        documentSelector,
        synchronize: { configurationSection: 'estructura', fileEvents: watcher },
        outputChannelName: 'Estructura',
        // The commands of this extension the server may send (LSP has no capability for them):
        // «Desactivar la regla…» code actions, rule links as `command:estructura.verRegla?…`, and
        // the plazas code lens (`estructura.verPlazas`)
        // (other clients get neither action nor command links: server/src/language/client-commands.ts;
        // written out, as test/rules-config.test.ts reads them; test/extension-manifest.test.ts checks
        // they are the protocol's CLIENT_COMMANDS, server/src/protocol.ts).
        initializationOptions: { commands: ['estructura.desactivarRegla', 'estructura.verRegla', 'estructura.verPlazas'] },
        // The hover's «Documentación de la regla» is such a command link: trusted for that command only.
        markdown: { isTrusted: { enabledCommands: ['estructura.verRegla'] } },
        middleware: {
            // The code lens of a unit opens VS Code's references peek; the command's arguments
            // arrive as LSP JSON and VS Code's command takes its own types.
            provideCodeLenses: async (document, token, next) => {
                const lenses = await next(document, token);
                for (const lens of lenses ?? []) showReferencesArguments(lens.command);
                return lenses;
            }
        }
    };
}

/**
 * «Desactivar la regla … en este espacio de trabajo» (a code action of every rule's diagnostic):
 * sets the rule to `off` in the workspace's `estructura.reglas`, keeping the other rules there.
 */
async function desactivarRegla(code: unknown): Promise<void> {
    if (typeof code !== 'string' || !code) return;
    const config = workspace.getConfiguration('estructura');
    const current = config.inspect<Record<string, string>>('reglas')?.workspaceValue ?? {};
    await config.update('reglas', { ...current, [code]: 'off' }, ConfigurationTarget.Workspace);
    void window.showInformationMessage(`La regla «${code}» quedó desactivada en este espacio de trabajo (estructura.reglas).`);
}

/** `editor.action.showReferences` (uri, position, locations) from the server's JSON to VS Code's types. */
function showReferencesArguments(command: Command | undefined): void {
    const args = command?.arguments;
    if (command?.command !== 'editor.action.showReferences' || !client || args?.length !== 3) return;
    const [uri, position, locations] = args as [string, ProtocolPosition, ProtocolLocation[]];
    const p2c = client.protocol2CodeConverter;
    command.arguments = [Uri.parse(uri), p2c.asPosition(position), locations.map(location => p2c.asLocation(location))];
}

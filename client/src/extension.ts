// The VS Code extension: starts the bundled language server and connects it to `.estructura` files.
import * as path from 'node:path';
import { commands, ConfigurationTarget, Uri, window, workspace, type Command, type ExtensionContext, type FileSystemWatcher } from 'vscode';
import {
    LanguageClient, TransportKind,
    type LanguageClientOptions, type Location as ProtocolLocation, type Position as ProtocolPosition, type ServerOptions
} from 'vscode-languageclient/node';
import { buscarUnidad } from './buscar.js';
import { comparar } from './comparar.js';
import { OrganigramaPanel } from './organigrama-panel.js';
import { verPlazas } from './plazas-panel.js';
import { verRegla } from './ver-regla.js';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    // Changes on disk to files that are not open (git checkout, another editor) reach the server.
    const watcher = workspace.createFileSystemWatcher('**/{*.estructura,estructura.json}');
    context.subscriptions.push(watcher);
    const clientOptions = clientOptionsFor(watcher);
    // The id `estructura` makes the client read the setting `estructura.trace.server`.
    client = new LanguageClient('estructura', 'Estructura', serverOptions, clientOptions);
    context.subscriptions.push(client);
    const started = client;
    context.subscriptions.push(
        commands.registerCommand('estructura.organigrama', () => OrganigramaPanel.show(context, started, 'manual')),
        commands.registerCommand('estructura.organigramaUnidad', () => OrganigramaPanel.show(context, started, 'unidad')),
        commands.registerCommand('estructura.organigramaCentrar', () => OrganigramaPanel.centre(context, started)),
        commands.registerCommand('estructura.comparar', () => comparar(started)),
        commands.registerCommand('estructura.verPlazas', (uri?: unknown, position?: unknown) => verPlazas(started, uri, position)),
        commands.registerCommand('estructura.buscarUnidad', () => buscarUnidad(started)),
        commands.registerCommand('estructura.desactivarRegla', (code?: unknown) => desactivarRegla(code)),
        commands.registerCommand('estructura.verRegla', (code?: unknown) => verRegla(context.extensionUri, code))
    );
    // «Comparar con…» and «Buscar unidad…» are offered in the palette wherever the extension runs
    // (a workspace with .estructura files), not only with such a file in the editor.
    void commands.executeCommand('setContext', 'estructura.activa', true);
    await client.start();
}

/** What the client sends the server and how it shows the server's answers. */
function clientOptionsFor(watcher: FileSystemWatcher): LanguageClientOptions {
    return {
        // Only real files and new unsaved ones: a `git:` copy shown in a diff must not be indexed
        // as a second definition of the same units.
        documentSelector: [
            { scheme: 'file', language: 'estructura' },
            { scheme: 'untitled', language: 'estructura' }
        ],
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

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

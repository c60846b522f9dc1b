// The desktop VS Code extension: starts the bundled language server (a Node process) and connects
// it to `.estructura` files. The web extension is extension-web.ts; both share activate.ts.
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateOn } from './activate.js';
import { comparar } from './comparar.js';

export { deactivate } from './activate.js';

export async function activate(context: ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const client = await activateOn(context, {
        // The id `estructura` makes the client read the setting `estructura.trace.server`.
        createClient: options => new LanguageClient('estructura', 'Estructura', serverOptions, options),
        comparar
    });
    await client.start();
}

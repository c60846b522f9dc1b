// The web extension (VS Code for the Web: vscode.dev, github.dev): the same language server as the
// desktop's, built for a web worker (out/web/server.js), which reads the workspace through this
// client (web-files.ts). Everything else is activate.ts, shared with the desktop extension.
import { Uri, window, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateOn } from './activate.js';

export { deactivate } from './activate.js';

type ServerWorker = ConstructorParameters<typeof LanguageClient>[2];
// The extension host's Worker (it runs nested workers); the project's tsconfig has no DOM types.
const { Worker } = globalThis as unknown as { Worker: new (url: string) => ServerWorker };

export async function activate(context: ExtensionContext): Promise<void> {
    const serverMain = Uri.joinPath(context.extensionUri, 'out', 'web', 'server.js');
    const client = await activateOn(context, {
        createClient: options => new LanguageClient('estructura', 'Estructura', new Worker(serverMain.toString(true)), options),
        comparar: async () => {
            void window.showInformationMessage('«Comparar con…» lee otras carpetas y revisiones de git del disco: está en la extensión de escritorio y en `estructura comparar`, no en VS Code para la Web.');
        }
    });
    await client.start();
}

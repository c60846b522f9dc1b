// Entry point of the language server in a web worker (bundled as out/web/server.js): VS Code for
// the Web starts it from the web extension (client/src/extension-web.ts), the playground page from
// its script (client/playground/). Same language module as the desktop server (start-server.ts);
// the workspace's files come from the client (files/client-file-access.ts).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { clientHost } from './files/client-file-access.js';
import { paramsStrategy } from './lsp/request-params.js';
import { createServer, startServer } from './start-server.js';

// The worker's global scope (the project's tsconfig has no WebWorker types).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy: paramsStrategy });
startServer(createServer(connection, clientHost(connection)));

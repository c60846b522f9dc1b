// Entry point of the language server (bundled as out/server.cjs, started by the extension).
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createEstructuraServices } from './language/estructura-module.js';
import { registerCompararRequest } from './lsp/compare-request.js';
import { registerOrganigramaRequest } from './lsp/organigrama-request.js';
import { registerBuscarUnidadRequest } from './lsp/search-request.js';
import { paramsStrategy, registerInvalidParams } from './lsp/request-params.js';

// Requests with malformed parameters are answered InvalidParams before any handler sees them.
const connection = createConnection(ProposedFeatures.all, { messageStrategy: paramsStrategy });
const { shared } = createEstructuraServices({ connection, ...NodeFileSystem });
registerInvalidParams(connection);
registerOrganigramaRequest(connection, shared);
registerCompararRequest(connection, shared);
registerBuscarUnidadRequest(connection, shared);
startLanguageServer(shared);
